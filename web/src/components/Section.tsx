import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { Breadcrumb, type BreadcrumbProps } from "@codegouvfr/react-dsfr/Breadcrumb";
import type { ReactNode } from "react";
import { LOGIN_URL } from "../api/session";
import { useSession } from "../session";
import { usePageTitle } from "../usePageTitle";

type Props = {
  title: string;
  intro: string;
  /** The breadcrumb between « Accueil » and this page, e.g. « Dossier » for « Mes enfants ». */
  segments?: BreadcrumbProps["segments"];
  /** The section's side menu (logged-in families only), left of the page. */
  sideMenu?: ReactNode;
  children?: ReactNode;
};

/**
 * A family section (Mon dossier, Facturation, Messagerie): logged-in families only; until its
 * issue lands it says « bientôt disponible ».
 */
export function Section({ title, intro, segments = [], sideMenu, children }: Props) {
  const { me } = useSession();
  usePageTitle(title);
  const page = (
    <>
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
  return (
    <>
      {/* Said by the breadcrumb's own label to screen readers; shown to everyone else, as in the old portal. */}
      <p className="fr-text--sm fr-mb-0" aria-hidden="true">Vous êtes ici :</p>
      <Breadcrumb currentPageLabel={title} homeLinkProps={{ to: "/" }} segments={segments} className="fr-mt-1v" />
      {sideMenu && me.authenticated ? (
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4 fr-col-lg-3">{sideMenu}</div>
          <div className="fr-col-12 fr-col-md-8 fr-col-lg-9">{page}</div>
        </div>
      ) : page}
    </>
  );
}
