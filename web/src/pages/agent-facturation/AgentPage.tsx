import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { ReactNode } from "react";
import { usePageTitle } from "../../usePageTitle";

/** The agents' billing pages' address. */
export const AGENT_BILLING = "/agent/facturation";

/** A page of the agents' billing: « Espace agent > Facturation > … », its title, the page. */
export function AgentPage({ title, children, lead }: { title: string; lead?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  const hub = title === "Facturation";
  return (
    <>
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Espace agent", linkProps: { to: "/agent" } },
          ...(hub ? [] : [{ label: "Facturation", linkProps: { to: AGENT_BILLING } }]),
        ]} />
      <h1>{title}</h1>
      {lead && <p className="fr-text--lead">{lead}</p>}
      {children}
    </>
  );
}
