import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import type { ReactNode } from "react";
import { Route, Routes } from "react-router-dom";
import { Section } from "../../components/Section";
import { useSession } from "../../session";
import { NotFound } from "../Pages";
import { MesCoordonnees } from "./MesCoordonnees";
import { MesDemarches } from "./MesDemarches";
import { MesDocuments } from "./MesDocuments";
import { MesEnfants } from "./MesEnfants";

/** The four pages of « Mon dossier », as in the old portal. */
const PAGES = {
  demarches: { path: "/mon-dossier", title: "Mon dossier", intro: "Suivre l'état de mes dernières démarches" },
  enfants: { path: "/mon-dossier/enfants", title: "Mes enfants", intro: "Voir les informations qui concernent mes enfants" },
  coordonnees: { path: "/mon-dossier/coordonnees", title: "Mes coordonnées", intro: "Modifier mes coordonnées" },
  documents: { path: "/mon-dossier/documents", title: "Mes documents", intro: "Accéder aux documents mis à ma disposition (factures...)" },
};

type PageKey = keyof typeof PAGES;

function DossierMenu({ current }: { current: PageKey }) {
  return (
    <SideMenu title="Dossier" burgerMenuButtonText="Dans cette rubrique"
      items={(Object.keys(PAGES) as PageKey[]).map((key) => ({
        text: PAGES[key].title,
        linkProps: { to: PAGES[key].path },
        isActive: key === current,
      }))} />
  );
}

/** One page of « Mon dossier »: « Vous êtes ici : Dossier > Mes enfants », the side menu, the page. */
function DossierPage({ page, children }: { page: PageKey; children: (dossier: string) => ReactNode }) {
  const { me } = useSession();
  const { title, intro } = PAGES[page];
  return (
    <Section title={title} intro={intro} segments={[{ label: "Dossier", linkProps: { to: PAGES.demarches.path } }]}
      sideMenu={<DossierMenu current={page} />}>
      {me.dossier ? children(me.dossier) : (
        <Alert severity="info" title="Aucun dossier relié"
          description="Aucun dossier famille n'est relié à votre compte." />
      )}
    </Section>
  );
}

/** « Mon dossier »: the requests first, the children, and the way to the other pages. */
function Accueil({ dossier }: { dossier: string }) {
  const others: PageKey[] = ["enfants", "coordonnees", "documents"];
  return (
    <>
      <p>Dossier n° {dossier}</p>
      <MesDemarches dossier={dossier} />
      <section aria-labelledby="enfants-titre" className="fr-mb-6w">
        <h2 id="enfants-titre">Mes enfants</h2>
        <MesEnfants dossier={dossier} />
      </section>
      <section aria-labelledby="rubriques-titre" className="fr-mb-6w">
        <h2 id="rubriques-titre">Les autres rubriques de mon dossier</h2>
        <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
          {others.map((key) => (
            <li key={key} className="fr-col-12 fr-col-md-4">
              <Card title={PAGES[key].title} desc={PAGES[key].intro} linkProps={{ to: PAGES[key].path }}
                enlargeLink titleAs="h3" />
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export function MonDossier() {
  return (
    <Routes>
      <Route index element={<DossierPage page="demarches">{(dossier) => <Accueil dossier={dossier} />}</DossierPage>} />
      <Route path="enfants" element={
        <DossierPage page="enfants">{(dossier) => <MesEnfants dossier={dossier} headingLevel={2} />}</DossierPage>} />
      <Route path="coordonnees" element={
        <DossierPage page="coordonnees">{(dossier) => <MesCoordonnees dossier={dossier} />}</DossierPage>} />
      <Route path="documents" element={
        <DossierPage page="documents">{(dossier) => <MesDocuments dossier={dossier} />}</DossierPage>} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
