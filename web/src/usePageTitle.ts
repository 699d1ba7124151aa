import { useEffect } from "react";
import { useSession } from "./session";

/** Every route has its own title, read first by screen readers: « Mon dossier — Portail Famille ». */
export function usePageTitle(title: string) {
  const { portal } = useSession();
  useEffect(() => {
    document.title = `${title} — ${portal.portalName}`;
  }, [title, portal.portalName]);
}
