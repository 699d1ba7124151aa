import { useEffect, useRef } from "react";
import { Route, Routes, useLocation } from "react-router-dom";
import { isAgent } from "../../api/session";
import { useSession } from "../../session";
import { Refused } from "../agent/Refused";
import { NotFound } from "../Pages";
import { Boites } from "./Boites";
import { ConversationAgent } from "./ConversationAgent";

/** After a move between the agents' Messagerie pages, the focus goes to the new page's title (not on arrival). */
function useFocusTitleOnNavigation() {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) {
      return;
    }
    previous.current = pathname;
    const title = document.querySelector<HTMLElement>("main h1") ?? document.querySelector<HTMLElement>("h1");
    if (title) {
      title.tabIndex = -1;
      title.focus();
    }
  }, [pathname]);
}

/** /agent/messagerie/*: agents only; the inbox of their services, a conversation. */
export function AgentMessagerie() {
  const { me } = useSession();
  useFocusTitleOnNavigation();
  if (!isAgent(me)) {
    return <Refused />;
  }
  return (
    <Routes>
      <Route index element={<Boites />} />
      <Route path="conversations/:id" element={<ConversationAgent />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
