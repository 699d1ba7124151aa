import { Header } from "@codegouvfr/react-dsfr/Header";
import { Footer } from "@codegouvfr/react-dsfr/Footer";
import { SkipLinks } from "@codegouvfr/react-dsfr/SkipLinks";
import { useQuery } from "@tanstack/react-query";
import { Outlet, useLocation } from "react-router-dom";
import { fetchUnreadCount, messagingKeys } from "./api/messaging";
import { LOGIN_URL, isAgent, isFamily, logout } from "./api/session";
import { useSession } from "./session";

/** The DSFR frame of every page: header with the authority's name and navigation, footer. */
export function Layout() {
  const { me, portal } = useSession();
  const { pathname } = useLocation();
  const active = (path: string) => (path === "/" ? pathname === "/" : pathname.startsWith(path));
  // The family's unread answers, on every page (messaging-service's count; nothing shown if it cannot be read).
  const unread = useQuery({
    queryKey: messagingKeys.unreadCount(), queryFn: fetchUnreadCount, enabled: isFamily(me) && !!me.dossier,
    staleTime: 30_000, refetchInterval: 60_000, retry: false,
  });
  const unreadCount = unread.data?.unread ?? 0;
  const messagerie = unreadCount > 0 ? (
    <>
      Messagerie{" "}
      <span className="fr-badge fr-badge--sm fr-badge--info fr-ml-1v">
        {unreadCount}<span className="fr-sr-only">{unreadCount > 1 ? " messages non lus" : " message non lu"}</span>
      </span>
    </>
  ) : "Messagerie";

  const quickAccessItems = me.authenticated
    ? [
        {
          iconId: "fr-icon-account-circle-line" as const,
          linkProps: { to: "/mon-dossier" },
          text: me.name ?? me.username ?? "Mon dossier",
        },
        ...(isFamily(me)
          ? [{ iconId: "fr-icon-user-setting-line" as const, linkProps: { to: "/mon-compte" }, text: "Mon compte" }]
          : []),
        {
          iconId: "fr-icon-logout-box-r-line" as const,
          buttonProps: { onClick: logout },
          text: "Se déconnecter",
        },
      ]
    : [
        { iconId: "fr-icon-lock-line" as const, linkProps: { to: LOGIN_URL, reloadDocument: true }, text: "Se connecter" },
        { iconId: "fr-icon-account-circle-line" as const, linkProps: { to: "/inscription" }, text: "S'inscrire" },
      ];

  const navigation = [
    { text: "Je m'informe", linkProps: { to: "/" }, isActive: active("/") },
    { text: "Mon dossier", linkProps: { to: "/mon-dossier" }, isActive: active("/mon-dossier") },
    { text: "Facturation", linkProps: { to: "/facturation" }, isActive: active("/facturation") },
    { text: messagerie, linkProps: { to: "/messagerie" }, isActive: active("/messagerie") },
    ...(isAgent(me)
      ? [
          { text: "Espace agent", linkProps: { to: "/agent" },
            isActive: active("/agent") && !active("/agent/facturation") && !active("/agent/messagerie") && !active("/agent/actualites") },
          { text: "Gestion de la facturation", linkProps: { to: "/agent/facturation" }, isActive: active("/agent/facturation") },
          { text: "Gestion de la messagerie", linkProps: { to: "/agent/messagerie" }, isActive: active("/agent/messagerie") },
          { text: "Actualités", linkProps: { to: "/agent/actualites" }, isActive: active("/agent/actualites") },
        ]
      : []),
  ];

  return (
    <>
      <SkipLinks
        links={[
          { anchor: "#contenu", label: "Contenu" },
          { anchor: "#fr-header-main-navigation", label: "Menu" },
          { anchor: "#pied-de-page", label: "Pied de page" },
        ]}
      />
      <Header
        brandTop={portal.authorityShortName}
        serviceTitle={portal.portalName}
        serviceTagline={portal.authorityName}
        homeLinkProps={{ to: "/", title: `Accueil — ${portal.portalName}` }}
        quickAccessItems={quickAccessItems}
        navigation={navigation}
      />
      <main id="contenu" className="fr-container fr-py-6w" tabIndex={-1}>
        <Outlet />
      </main>
      <Footer
        id="pied-de-page"
        brandTop={portal.authorityShortName}
        homeLinkProps={{ to: "/", title: `Accueil — ${portal.portalName}` }}
        accessibility="non compliant"
        contentDescription={`${portal.portalName} de la ${portal.authorityName} : inscriptions, dossier famille, factures et échanges avec les services.`}
        bottomItems={[{ text: "Conditions générales d'utilisation", linkProps: { to: "/cgu" } }]}
      />
    </>
  );
}
