import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { decideRequest, dossierKeys, type DossierRequest } from "../../api/dossier";
import { AttachmentLink } from "../../components/AttachmentLink";
import { frenchDateTime } from "../../format";

/** A request of a dossier as an agent processes it: take it, accept or refuse it with a comment for the family. */
export function RequestToProcess({ request, number }: { request: DossierRequest; number: string }) {
  const queryClient = useQueryClient();
  const [comment, setComment] = useState("");
  const decide = useMutation({
    mutationFn: (action: "take" | "accept" | "refuse") => decideRequest(request.id, action, comment),
    onSuccess: () => {
      setComment("");
      return queryClient.invalidateQueries({ queryKey: dossierKeys.requests(number) });
    },
  });
  const open = request.status === "SUBMITTED" || request.status === "IN_PROGRESS";
  return (
    <li className="fr-mb-4w">
      <h3 className="fr-h6 fr-mb-1w">{request.typeLabel} <Badge small noIcon>{request.statusLabel}</Badge></h3>
      <p className="fr-text--sm fr-mb-1w">Envoyée le {frenchDateTime(request.createdAt)}</p>
      {request.description && <p>{request.description}</p>}
      {request.attachment && <AttachmentLink attachment={request.attachment} />}
      {open && (
        <>
          <Input label={`Commentaire pour la famille (démarche n° ${request.id})`} hintText="Obligatoire pour refuser." textArea
            nativeTextAreaProps={{ value: comment, onChange: (e) => setComment(e.target.value), maxLength: 2000 }} />
          <ul className="fr-btns-group fr-btns-group--inline-sm">
            {request.status === "SUBMITTED" && (
              <li><Button priority="secondary" onClick={() => decide.mutate("take")} disabled={decide.isPending}>Prendre en charge</Button></li>
            )}
            <li><Button onClick={() => decide.mutate("accept")} disabled={decide.isPending}>Accepter</Button></li>
            <li><Button priority="tertiary" onClick={() => decide.mutate("refuse")} disabled={decide.isPending}>Refuser</Button></li>
          </ul>
        </>
      )}
      {decide.isError && <Alert severity="error" small description={(decide.error as Error).message} />}
    </li>
  );
}
