import { Route, Routes } from "react-router-dom";
import { useFocusTitleOnNavigation } from "../../components/useFocusTitleOnNavigation";
import { isAgent } from "../../api/session";
import { useSession } from "../../session";
import { Refused } from "../agent/Refused";
import { NotFound } from "../Pages";
import { Boites } from "./Boites";
import { ConversationAgent } from "./ConversationAgent";


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
