import { Route, Routes } from "react-router-dom";
import { useFocusTitleOnNavigation } from "../../components/useFocusTitleOnNavigation";
import { isAgent } from "../../api/session";
import { useSession } from "../../session";
import { Refused } from "../agent/Refused";
import { NotFound } from "../Pages";
import { Boites } from "./Boites";
import { Catalogue } from "./Catalogue";
import { ConversationAgent } from "./ConversationAgent";
import { ReponsesTypes } from "./ReponsesTypes";

/**
 * /agent/messagerie/*: agents only; the inbox of their services, a conversation, the services' « réponses types »,
 * and for admins the catalogue of services and themes.
 */
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
      <Route path="reponses-types" element={<ReponsesTypes />} />
      <Route path="catalogue" element={<Catalogue />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
