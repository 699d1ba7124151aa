import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { dossierKeys, fetchDocuments, publishDocument } from "../../api/dossier";
import { fieldsOf } from "../../api/http";
import { DocumentsTable } from "../../components/DocumentsTable";
import { errorOf, FILE_ACCEPT, FILE_HINT, fileErrorOf, FormError } from "../../components/forms";

/** What an agent puts at a family's disposal (invoices come from billing). */
const UPLOADABLE_TYPES = [
  { value: "ATTESTATION", label: "Attestation" },
  { value: "REGLEMENT", label: "Règlement" },
  { value: "FORMULAIRE", label: "Formulaire" },
  { value: "AUTRE", label: "Autre document" },
];

function PublishDocumentForm({ number }: { number: string }) {
  const queryClient = useQueryClient();
  const [type, setType] = useState("");
  const [title, setTitle] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [missingFile, setMissingFile] = useState(false);
  // A new key empties the file field (it cannot be set from React).
  const [fileFieldKey, setFileFieldKey] = useState(0);
  const publish = useMutation({
    mutationFn: () => publishDocument(number, { type, title: title.trim(), file }),
    onSuccess: () => {
      setType("");
      setTitle("");
      setFile(null);
      setFileFieldKey((key) => key + 1);
      return queryClient.invalidateQueries({ queryKey: dossierKeys.documents(number) });
    },
  });
  const fields = fieldsOf(publish.error);
  const fileError = missingFile ? "Choisissez le fichier à mettre à disposition." : fileErrorOf(publish.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissingFile(file === null);
    if (file !== null) {
      publish.mutate();
    }
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="publier-document-titre" noValidate>
      <h3 id="publier-document-titre" className="fr-h5">Mettre un document à disposition</h3>
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-4">
          <Select label="Type" {...errorOf(fields, "type")}
            nativeSelectProps={{ value: type, onChange: (e) => setType(e.target.value), required: true }}>
            <option value="" disabled>Choisissez le type de document</option>
            {UPLOADABLE_TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
          </Select>
        </div>
        <div className="fr-col-12 fr-col-md-8">
          <Input label="Titre" {...errorOf(fields, "title")}
            nativeInputProps={{ value: title, onChange: (e) => setTitle(e.target.value), maxLength: 200, required: true, autoComplete: "off" }} />
        </div>
      </div>
      <Upload key={fileFieldKey} label="Fichier" hint={FILE_HINT} className="fr-mb-3w"
        state={fileError ? "error" : "default"} stateRelatedMessage={fileError}
        nativeInputProps={{
          accept: FILE_ACCEPT,
          required: true,
          onChange: (e) => {
            setFile(e.target.files?.[0] ?? null);
            setMissingFile(false);
          },
        }} />
      {!fileError && <FormError error={publish.error} />}
      {publish.isSuccess && !publish.isPending && (
        <Alert severity="success" small description="Document mis à disposition de la famille." className="fr-mb-2w" />
      )}
      <Button type="submit" disabled={publish.isPending}>Mettre à disposition</Button>
    </form>
  );
}

/** « Documents » of a dossier, as an agent sees them, and putting one at the family's disposal. */
export function DocumentsSection({ number }: { number: string }) {
  const documents = useQuery({ queryKey: dossierKeys.documents(number), queryFn: () => fetchDocuments(number) });
  return (
    <section aria-labelledby="documents-titre" className="fr-mb-6w">
      <h2 id="documents-titre" className="fr-h4">Documents</h2>
      {documents.isPending && <p role="status">Chargement des documents…</p>}
      {documents.isError && <Alert severity="error" small description="Les documents ne peuvent pas être affichés pour le moment." />}
      {documents.data && (documents.data.length === 0 ? <p>Aucun document.</p>
        : <DocumentsTable documents={documents.data} caption={`Documents du dossier ${number}`} />)}
      <PublishDocumentForm number={number} />
    </section>
  );
}
