import { Route, Routes } from "react-router-dom";
import { isAgent } from "../../api/session";
import { useFocusTitleOnNavigation } from "../../components/useFocusTitleOnNavigation";
import { useSession } from "../../session";
import { Refused } from "../agent/Refused";
import { NotFound } from "../Pages";
import { EditerActualite, isSavedState } from "./EditerActualite";
import { Liste, type ListState } from "./Liste";

/** The page says what was just done and puts the focus there itself: an item saved, or deleted. */
const keepFocus = (state: unknown) =>
  isSavedState(state) || (typeof state === "object" && state !== null && typeof (state as ListState).deleted === "string");

/** /agent/actualites/*: the news of « Je m'informe », for agents only. */
export function AgentActualites() {
  const { me } = useSession();
  useFocusTitleOnNavigation(keepFocus);
  if (!isAgent(me)) {
    return <Refused />;
  }
  return (
    <Routes>
      <Route index element={<Liste />} />
      <Route path="nouvelle" element={<EditerActualite />} />
      <Route path=":id" element={<EditerActualite />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
