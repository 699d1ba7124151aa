import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { ReactNode } from "react";
import { usePageTitle } from "../../usePageTitle";

/** The agents' Messagerie pages' address. */
export const AGENT_MESSAGING = "/agent/messagerie";

/** A page of the agents' Messagerie: « Espace agent > Messagerie > … », its title, the page. */
export function AgentMessageriePage({ title, children, lead }: { title: string; lead?: ReactNode; children: ReactNode }) {
  usePageTitle(title);
  const hub = title === "Messagerie";
  return (
    <>
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: "/" }}
        segments={[
          { label: "Espace agent", linkProps: { to: "/agent" } },
          ...(hub ? [] : [{ label: "Messagerie", linkProps: { to: AGENT_MESSAGING } }]),
        ]} />
      <h1>{title}</h1>
      {lead && <p className="fr-text--lead">{lead}</p>}
      {children}
    </>
  );
}
