import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ApiProblem } from "../../api/http";
import {
  FORM_ACCEPT, FORM_HINT, deleteNewsForm, formFileError, uploadNewsForm, type AgentNewsItem,
} from "../../api/news";
import { useFocusOn } from "../../components/forms";
import { FormDownload } from "../accueil/Actualite";
import { ProblemMessage } from "./ProblemMessage";

/**
 * « Formulaire à télécharger »: the PDF families download from the item (one; a new one replaces it), and its removal.
 * `onChanged`: the item as it is now.
 */
export function FormulairePdf({ item, onChanged }: { item: AgentNewsItem; onChanged: (item: AgentNewsItem) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [inputKey, setInputKey] = useState(0);
  const [outcome, setOutcome] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (chosen: File) => uploadNewsForm(item.id, chosen),
    onSuccess: (changed) => {
      onChanged(changed);
      setOutcome(`Le formulaire ${changed.form?.fileName ?? ""} est joint à l'actualité.`);
      setFile(null);
      setInputKey((k) => k + 1);
    },
  });
  const remove = useMutation({
    mutationFn: () => deleteNewsForm(item.id),
    onSuccess: (changed) => {
      onChanged(changed);
      setOutcome("Le formulaire a été retiré de l'actualité.");
    },
  });
  const outcomeRef = useFocusOn(outcome ?? upload.error ?? remove.error);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOutcome(null);
    remove.reset();
    if (file === null) {
      setFileError("Choisissez le fichier PDF à joindre.");
      return;
    }
    const problem = formFileError(file);
    if (problem) {
      setFileError(problem);
      return;
    }
    upload.mutate(file);
  };
  // The service's word on the file itself (its field, too large, not a PDF) goes under the field.
  const serviceFileError = upload.error instanceof ApiProblem
    ? upload.error.fields.file ?? (upload.error.status === 413 || upload.error.status === 415 ? upload.error.detail : undefined)
    : undefined;
  const shownFileError = fileError ?? serviceFileError;

  return (
    <section aria-labelledby="formulaire-pdf-titre" className="fr-mt-6w">
      <h2 id="formulaire-pdf-titre" className="fr-h4">Formulaire à télécharger</h2>
      <div ref={outcomeRef} tabIndex={-1} aria-live="polite">
        {outcome && <Alert severity="success" small description={outcome} className="fr-mb-2w" />}
        {upload.isError && !serviceFileError && <ProblemMessage error={upload.error} />}
        {remove.isError && <ProblemMessage error={remove.error} />}
      </div>
      {item.form ? (
        <>
          <p className="fr-mb-1w">Les familles téléchargent ce formulaire depuis l'actualité :</p>
          <FormDownload form={item.form} />
          <Button priority="tertiary" size="small" iconId="fr-icon-delete-line" disabled={remove.isPending}
            nativeButtonProps={{ "aria-label": `Retirer le formulaire ${item.form.fileName}` }}
            onClick={() => { setOutcome(null); upload.reset(); remove.mutate(); }}>
            Retirer le formulaire
          </Button>
        </>
      ) : (
        <p>Aucun formulaire n'est joint à cette actualité.</p>
      )}
      <form onSubmit={onSubmit} aria-label="Joindre un formulaire" noValidate className="fr-mt-3w">
        <Upload key={inputKey} label={item.form ? "Remplacer le formulaire" : "Formulaire PDF"} hint={FORM_HINT}
          state={shownFileError ? "error" : "default"} stateRelatedMessage={shownFileError} className="fr-mb-2w"
          nativeInputProps={{
            accept: FORM_ACCEPT,
            onChange: (e) => {
              setFile(e.target.files?.[0] ?? null);
              setFileError(null);
              upload.reset();
            },
          }} />
        <Button type="submit" priority="secondary" disabled={upload.isPending}>Joindre le formulaire</Button>
        {upload.isPending && <p role="status" className="fr-mt-1w">Envoi du formulaire…</p>}
      </form>
    </section>
  );
}
