import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Breadcrumb } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { ReactNode } from "react";
import { LOGIN_URL } from "../api";
import { useSession } from "../session";
import { usePageTitle } from "../usePageTitle";

type Props = { title: string; intro: string; children?: ReactNode };

/**
 * A family section (Mon dossier, Facturation, Messagerie): logged-in families only; until its
 * issue lands it says « bientôt disponible ».
 */
export function Section({ title, intro, children }: Props) {
  const { me } = useSession();
  usePageTitle(title);
  return (
    <>
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: "/" }} segments={[]} />
      <h1>{title}</h1>
      <p className="fr-text--lead">{intro}</p>
      {me.authenticated ? (
        (children ?? <Alert severity="info" title="Bientôt disponible" description="Cette rubrique arrive bientôt sur le portail." />)
      ) : (
        <>
          <Alert severity="warning" title="Connexion requise" description="Connectez-vous pour accéder à cette rubrique." className="fr-mb-4w" />
          <Button linkProps={{ to: LOGIN_URL, reloadDocument: true }}>Se connecter</Button>
        </>
      )}
    </>
  );
}
