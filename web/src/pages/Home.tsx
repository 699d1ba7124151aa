import { Button } from "@codegouvfr/react-dsfr/Button";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { LOGIN_URL } from "../api/session";
import { useSession } from "../session";
import { usePageTitle } from "../usePageTitle";
import { JeMinforme } from "./accueil/JeMinforme";
import { PASSWORD_RESET_REQUEST_PATH } from "./mot-de-passe/MotDePasseOublie";

/** « JE M'INFORME » and « JE NAVIGUE »: the news, then the three actions of the seed. */
export function Home() {
  const { me, portal } = useSession();
  usePageTitle("Accueil");
  return (
    <>
      <h1>{me.authenticated ? `Bonjour ${me.givenName ?? ""} ${me.familyName ?? ""}`.trim() : portal.portalName}</h1>
      {!me.authenticated && (
        <section aria-labelledby="connexion-titre" className="fr-mb-6w">
          <h2 id="connexion-titre" className="fr-h4">Votre espace famille</h2>
          <p>
            Connectez-vous pour consulter votre dossier, payer vos factures et écrire aux services. Première
            connexion ? Inscrivez-vous avec le numéro de dossier imprimé sur votre facture.
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button linkProps={{ to: LOGIN_URL, reloadDocument: true }}>Se connecter</Button>
            </li>
            <li>
              <Button priority="secondary" linkProps={{ to: "/inscription" }}>
                S'inscrire
              </Button>
            </li>
            <li>
              <Button priority="tertiary no outline" linkProps={{ to: PASSWORD_RESET_REQUEST_PATH }}>
                Mot de passe oublié ?
              </Button>
            </li>
          </ul>
        </section>
      )}
      <JeMinforme />
      <section aria-labelledby="navigue-titre">
        <h2 id="navigue-titre">Je navigue</h2>
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-4">
            <Card title="Consulter mon dossier" desc="Mes démarches, mes enfants, mes coordonnées, mes documents."
              linkProps={{ to: "/mon-dossier" }} enlargeLink titleAs="h3" />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Card title="Payer mes factures" desc="Payer en ligne, consulter mes factures, le prélèvement."
              linkProps={{ to: "/facturation" }} enlargeLink titleAs="h3" />
          </div>
          <div className="fr-col-12 fr-col-md-4">
            <Card title={`Contacter ${portal.authorityShortName}`} desc="Écrire aux services et lire leurs réponses."
              linkProps={{ to: "/messagerie" }} enlargeLink titleAs="h3" />
          </div>
        </div>
      </section>
    </>
  );
}
