import { Route, Routes } from "react-router-dom";
import { useFocusTitleOnNavigation } from "../../components/useFocusTitleOnNavigation";
import { NotFound } from "../Pages";
import { Boite } from "./Boite";
import { ConversationFamille } from "./ConversationFamille";
import { EnvoyerMessage } from "./EnvoyerMessage";
import { MessageriePage } from "./MessageriePage";


/** « Messagerie »: the messages received and sent, « Envoyer un message », a conversation. */
/** The conversation just sent puts the focus on « Votre message a été envoyé » itself. */
const justSent = (state: unknown) => Boolean((state as { sent?: boolean } | null)?.sent);

export function Messagerie() {
  useFocusTitleOnNavigation(justSent);
  return (
    <Routes>
      <Route index element={<MessageriePage page="recus">{() => <Boite box="RECEIVED" />}</MessageriePage>} />
      <Route path="envoyes" element={<MessageriePage page="envoyes">{() => <Boite box="SENT" />}</MessageriePage>} />
      <Route path="nouveau" element={<MessageriePage page="nouveau">{() => <EnvoyerMessage />}</MessageriePage>} />
      <Route path="conversations/:id" element={<ConversationFamille />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
