import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import type { ReactNode } from "react";
import { Section } from "../../components/Section";
import { useSession } from "../../session";

/** « 3 MESSAGERIE / NOUS CONTACTER » of the families' guide: its entries, with the guide's own words. */
export const PAGES = {
  recus: { path: "/messagerie", title: "Messagerie", menu: "Messages reçus",
    intro: "Un problème de facture ? Besoin d'un renseignement sur les inscriptions ? Les tarifs ? La messagerie vous permet de contacter directement les services de la collectivité." },
  envoyes: { path: "/messagerie/envoyes", title: "Messages envoyés", menu: "Messages envoyés",
    intro: "Les messages que vous avez écrits aux services, le plus récent en premier." },
  nouveau: { path: "/messagerie/nouveau", title: "Envoyer un message", menu: "Envoyer un message",
    intro: "Choisissez le service à contacter puis le thème de votre demande, indiquez l'objet et votre message." },
};

export type PageKey = keyof typeof PAGES;

function MessagerieMenu({ current }: { current?: PageKey }) {
  return (
    <SideMenu title="Messagerie" burgerMenuButtonText="Dans cette rubrique"
      items={(["nouveau", "recus", "envoyes"] as PageKey[]).map((key) => ({
        text: PAGES[key].menu,
        linkProps: { to: PAGES[key].path },
        isActive: key === current,
      }))} />
  );
}

/** One page of « Messagerie »: « Vous êtes ici : Messagerie > … », the side menu, the page. */
export function MessageriePage({ page, title, intro, children }: {
  page?: PageKey; title?: string; intro?: string; children: () => ReactNode;
}) {
  const { me } = useSession();
  const entry = page ? PAGES[page] : undefined;
  return (
    <Section title={title ?? entry?.title ?? "Messagerie"} intro={intro ?? entry?.intro ?? ""}
      segments={page === "recus" ? [] : [{ label: "Messagerie", linkProps: { to: PAGES.recus.path } }]}
      sideMenu={<MessagerieMenu current={page} />}>
      {me.dossier ? children() : (
        <Alert severity="info" title="Aucun dossier relié" description="Aucun dossier famille n'est relié à votre compte." />
      )}
    </Section>
  );
}
