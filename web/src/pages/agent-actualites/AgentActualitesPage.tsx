import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { ReactNode } from "react";
import { usePageTitle } from "../../usePageTitle";

/** The agents' news pages' address. */
export const AGENT_NEWS = "/agent/actualites";

/** A page of the agents' news: « Espace agent > Actualités > … », its title, the page. */
export function AgentActualitesPage({ title, children, lead }: { title: string; lead?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  const hub = title === "Actualités";
  return (
    <>
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Espace agent", linkProps: { to: "/agent" } },
          ...(hub ? [] : [{ label: "Actualités", linkProps: { to: AGENT_NEWS } }]),
        ]} />
      <h1>{title}</h1>
      {lead && <p className="fr-text--lead">{lead}</p>}
      {children}
    </>
  );
}
