import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { Select } from "@codegouvfr/react-dsfr/Select";
import { Upload } from "@codegouvfr/react-dsfr/Upload";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import {
  cancelRequest, dossierKeys, fetchRequests, submitRequest, type DossierRequest, type RequestStatus,
} from "../../api/dossier";
import { fieldsOf } from "../../api/http";
import { AttachmentLink } from "../../components/AttachmentLink";
import { FILE_ACCEPT, FILE_HINT, fileErrorOf } from "../../components/forms";
import { frenchDateTime } from "../../format";

const SEVERITY: Record<RequestStatus, "info" | "new" | "success" | "error" | undefined> = {
  SUBMITTED: "info",
  IN_PROGRESS: "new",
  ACCEPTED: "success",
  REFUSED: "error",
  CANCELLED: undefined,
};

/** The types a family files online (a contact details change is recorded by the portal itself). */
const TYPES = [
  { value: "CHILD_INFORMATION_CHANGE", label: "Demande de modification d'informations enfant" },
  { value: "CERTIFICATE", label: "Demande d'attestation" },
];

function RequestItem({ request, dossier }: { request: DossierRequest; dossier: string }) {
  const queryClient = useQueryClient();
  const cancel = useMutation({
    mutationFn: () => cancelRequest(request.id),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: dossierKeys.requests(dossier) }),
  });
  return (
    <li className="fr-mb-3w">
      <h3 className="fr-h6 fr-mb-1w">
        {request.typeLabel} <Badge severity={SEVERITY[request.status]} small noIcon>{request.statusLabel}</Badge>
      </h3>
      <p className="fr-text--sm fr-mb-1w">Envoyée le {frenchDateTime(request.createdAt)}</p>
      {request.description && <p className="fr-mb-1w">{request.description}</p>}
      {request.attachment && <AttachmentLink attachment={request.attachment} />}
      <details>
        <summary>Historique de la démarche</summary>
        <ol>
          {request.history.map((step, index) => (
            <li key={index}>
              {frenchDateTime(step.changedAt)} : {step.statusLabel}
              {step.comment && <> — « {step.comment} »</>}
            </li>
          ))}
        </ol>
      </details>
      {request.status === "SUBMITTED" && (
        <Button priority="secondary" size="small" className="fr-mt-1w" disabled={cancel.isPending}
          onClick={() => cancel.mutate()}>
          Annuler la démarche
        </Button>
      )}
      {cancel.isError && <Alert severity="error" small description={(cancel.error as Error).message} />}
    </li>
  );
}

function NewRequestForm({ dossier }: { dossier: string }) {
  const queryClient = useQueryClient();
  const [type, setType] = useState("");
  const [description, setDescription] = useState("");
  const [file, setFile] = useState<File | null>(null);
  // A new key empties the file field (it cannot be set from React).
  const [fileFieldKey, setFileFieldKey] = useState(0);
  const submit = useMutation({
    mutationFn: () => submitRequest(dossier, { type, description, file }),
    onSuccess: () => {
      setType("");
      setDescription("");
      setFile(null);
      setFileFieldKey((key) => key + 1);
      return queryClient.invalidateQueries({ queryKey: dossierKeys.requests(dossier) });
    },
  });
  const fields = fieldsOf(submit.error);
  const fileError = fileErrorOf(submit.error);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit.mutate();
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="nouvelle-demarche-titre" noValidate>
      <h3 id="nouvelle-demarche-titre" className="fr-h5">Faire une démarche</h3>
      <Select label="Type de démarche" nativeSelectProps={{ value: type, onChange: (e) => setType(e.target.value), required: true }}
        state={fields.type ? "error" : "default"} stateRelatedMessage={fields.type}>
        <option value="" disabled>Choisissez le type de démarche</option>
        {TYPES.map((t) => <option key={t.value} value={t.value}>{t.label}</option>)}
      </Select>
      <Input label="Votre demande" hintText="Précisez ce que vous demandez (4 000 caractères au plus)." textArea
        nativeTextAreaProps={{ value: description, onChange: (e) => setDescription(e.target.value), required: true, maxLength: 4000 }}
        state={fields.description ? "error" : "default"} stateRelatedMessage={fields.description} />
      <Upload key={fileFieldKey} label="Pièce jointe (facultative)" hint={FILE_HINT} className="fr-mb-3w"
        state={fileError ? "error" : "default"} stateRelatedMessage={fileError}
        nativeInputProps={{ accept: FILE_ACCEPT, onChange: (e) => setFile(e.target.files?.[0] ?? null) }} />
      {submit.isError && !fields.type && !fields.description && !fileError && (
        <Alert severity="error" small description={(submit.error as Error).message} className="fr-mb-2w" />
      )}
      {submit.isSuccess && <Alert severity="success" small description="Votre démarche a été envoyée." className="fr-mb-2w" />}
      <Button type="submit" disabled={submit.isPending}>Envoyer la démarche</Button>
    </form>
  );
}

/** « Suivre l'état de mes dernières démarches », and filing a new one. */
export function MesDemarches({ dossier }: { dossier: string }) {
  const requests = useQuery({ queryKey: dossierKeys.requests(dossier), queryFn: () => fetchRequests(dossier) });
  return (
    <section aria-labelledby="demarches-titre" className="fr-mb-6w">
      <h2 id="demarches-titre">Mes démarches</h2>
      {requests.isPending && <p role="status">Chargement de vos démarches…</p>}
      {requests.isError && <Alert severity="error" small description="Vos démarches ne peuvent pas être affichées pour le moment." />}
      {requests.data && requests.data.length === 0 && <p>Vous n'avez aucune démarche en cours.</p>}
      {requests.data && requests.data.length > 0 && (
        <ul className="fr-raw-list">
          {requests.data.map((request) => <RequestItem key={request.id} request={request} dossier={dossier} />)}
        </ul>
      )}
      <NewRequestForm dossier={dossier} />
    </section>
  );
}
