import { useEffect, useRef } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { NotFound } from "../Pages";
import { Boite } from "./Boite";
import { ConversationFamille } from "./ConversationFamille";
import { EnvoyerMessage } from "./EnvoyerMessage";
import { MessageriePage } from "./MessageriePage";

/** After a move inside the section, the focus goes to the new page's title (not on arrival). */
function useFocusTitleOnNavigation() {
  const { pathname, state } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    if ((state as { sent?: boolean } | null)?.sent) {
      return; // the conversation just sent puts the focus on « Votre message a été envoyé »
    }
    const title = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
  }, [pathname, state]);
}

/** « Messagerie »: the messages received and sent, « Envoyer un message », a conversation. */
export function Messagerie() {
  useFocusTitleOnNavigation();
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
