import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { SideMenu } from "@codegouvfr/react-dsfr/SideMenu";
import type { ReactNode } from "react";
import { Section } from "../../components/Section";
import { useSession } from "../../session";

/** « 2 FACTURATION » of the families' guide: its three entries, with the guide's own words. */
export const PAGES = {
  payer: { path: "/facturation", title: "Facturation", menu: "Payez votre ou vos facture(s) en ligne",
    intro: "Je peux directement payer une ou plusieurs factures en ligne via le site sécurisé de notre banque partenaire." },
  precedentes: { path: "/facturation/precedentes", title: "Consultez vos précédentes factures",
    menu: "Consultez vos précédentes factures", intro: "Vos factures payées ou annulées, et leur PDF." },
  prelevement: { path: "/facturation/prelevement", title: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires",
    menu: "Adhérez au prélèvement automatique ou modifiez vos coordonnées bancaires",
    intro: "Payer vos factures sans y penser, par prélèvement sur votre compte bancaire." },
};

type PageKey = keyof typeof PAGES;

function FacturationMenu({ current }: { current?: PageKey }) {
  return (
    <SideMenu title="Facturation" burgerMenuButtonText="Dans cette rubrique"
      items={(Object.keys(PAGES) as PageKey[]).map((key) => ({
        text: PAGES[key].menu,
        linkProps: { to: PAGES[key].path },
        isActive: key === current,
      }))} />
  );
}

type PageProps = {
  /** One of the three entries, or a page of its own (an invoice, a payment). */
  page?: PageKey;
  title?: string;
  intro?: string;
  children: (dossier: string) => ReactNode;
};

/** One page of « Facturation »: « Vous êtes ici : Facturation > … », the side menu, the page. */
export function FacturationPage({ page, title, intro, children }: PageProps) {
  const { me } = useSession();
  const entry = page ? PAGES[page] : undefined;
  return (
    <Section title={title ?? entry?.title ?? "Facturation"} intro={intro ?? entry?.intro ?? ""}
      segments={page === "payer" ? [] : [{ label: "Facturation", linkProps: { to: PAGES.payer.path } }]}
      sideMenu={<FacturationMenu current={page} />}>
      {me.dossier ? children(me.dossier) : (
        <Alert severity="info" title="Aucun dossier relié" description="Aucun dossier famille n'est relié à votre compte." />
      )}
    </Section>
  );
}
