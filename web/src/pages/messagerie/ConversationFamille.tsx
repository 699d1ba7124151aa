import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useLocation, useParams } from "react-router-dom";
import { isProblem } from "../../api/http";
import { answerConversation, fetchConversation, markUnread, messagingKeys } from "../../api/messaging";
import { useFocusOn } from "../../components/forms";
import { ProblemAlert, ReplyForm, Thread } from "../../components/messaging";
import { frenchDateTime } from "../../format";
import { MessageriePage } from "./MessageriePage";

/** A conversation of the dossier: every message (the service's name as author), « Répondre » in it. */
export function ConversationFamille() {
  const { id = "" } = useParams();
  const location = useLocation();
  const sent = (location.state as { sent?: boolean } | null)?.sent === true;
  const client = useQueryClient();
  const conversation = useQuery({ queryKey: messagingKeys.conversation(id), queryFn: () => fetchConversation(id) });
  const sentRef = useRef<HTMLDivElement>(null);
  const unread = useMutation({
    mutationFn: () => markUnread(id),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: messagingKeys.unreadCount() });
      void client.invalidateQueries({ queryKey: messagingKeys.boxes() });
    },
  });
  const unreadOutcome = useFocusOn(unread.error ?? (unread.isSuccess || null));
  useEffect(() => {
    if (conversation.isSuccess) {
      // Opening it made it read: the header's count and the boxes follow.
      void client.invalidateQueries({ queryKey: messagingKeys.unreadCount() });
      void client.invalidateQueries({ queryKey: messagingKeys.boxes() });
    }
  }, [conversation.isSuccess, client]);
  useEffect(() => {
    if (sent && conversation.isSuccess) sentRef.current?.focus();
  }, [sent, conversation.isSuccess]);

  if (conversation.data === undefined && !conversation.isError) {
    return <MessageriePage title="Conversation">{() => <p role="status">Chargement…</p>}</MessageriePage>;
  }
  if (conversation.data === undefined) {
    return isProblem(conversation.error, 404) ? (
      <MessageriePage title="Conversation introuvable">
        {() => <p>Cette conversation est introuvable : elle n'existe pas ou ne concerne pas votre dossier.</p>}
      </MessageriePage>
    ) : (
      <MessageriePage title="Conversation">{() => <ProblemAlert error={conversation.error} />}</MessageriePage>
    );
  }
  const c = conversation.data;
  const reply = async (body: string, files: File[]) => {
    const updated = await answerConversation(id, body, files);
    client.setQueryData(messagingKeys.conversation(id), updated);
    void client.invalidateQueries({ queryKey: messagingKeys.boxes() });
  };
  return (
    <MessageriePage title={c.subject} intro={`${c.serviceName} — ${c.themeName}`}>
      {() => (
        <>
          <div ref={sentRef} tabIndex={-1}>
            {sent && (
              <Alert severity="success" role="status" title="Votre message a été envoyé" className="fr-mb-4w"
                  description={`${c.serviceName} vous répondra dans les meilleurs délais. Vous trouverez sa réponse dans « Messages reçus ».`} />
            )}
          </div>
          <p>État : <strong>{c.statusLabel}</strong> — commencée le {frenchDateTime(c.createdAt)}</p>
          <div ref={unreadOutcome} tabIndex={-1}>
            {unread.isError ? <ProblemAlert error={unread.error} />
              : unread.isSuccess ? <Alert severity="info" role="status" small description="La conversation est marquée comme non lue." className="fr-mb-2w" />
              : null}
          </div>
          <Button priority="tertiary" size="small" iconId="fr-icon-mail-unread-line" className="fr-mb-2w"
            disabled={unread.isPending || unread.isSuccess} onClick={() => unread.mutate()}>Marquer comme non lu</Button>
          <Thread conversation={c} />
          <ReplyForm send={reply} sentMessage="Votre message a été envoyé." />
        </>
      )}
    </MessageriePage>
  );
}
