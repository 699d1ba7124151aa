import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { onCguToAccept } from "./api/http";
import { Route, Routes } from "react-router-dom";
import { fetchAccount, identityKeys } from "./api/identity";
import { ANONYMOUS, DEFAULT_PORTAL, fetchMe, fetchPortal, isFamily, sessionKeys } from "./api/session";
import { Layout } from "./Layout";
import { SessionContext } from "./session";
import { Activation } from "./pages/Activation";
import { Agent } from "./pages/agent/Agent";
import { AgentDossier } from "./pages/agent/AgentDossier";
import { AgentActualites } from "./pages/agent-actualites";
import { AgentFacturation } from "./pages/agent-facturation";
import { ConfirmationEmail } from "./pages/ConfirmationEmail";
import { Facturation } from "./pages/facturation";
import { Home } from "./pages/Home";
import { Inscription } from "./pages/inscription";
import { MonCompte } from "./pages/mon-compte";
import { MonDossier } from "./pages/mon-dossier";
import { MotDePasseOublie } from "./pages/mot-de-passe/MotDePasseOublie";
import { NouveauMotDePasse } from "./pages/mot-de-passe/NouveauMotDePasse";
import { NouvellesCgu } from "./pages/NouvellesCgu";
import { Cgu, NotFound } from "./pages/Pages";
import { Messagerie } from "./pages/messagerie";
import { AgentMessagerie } from "./pages/agent-messagerie";

export function App() {
  const me = useQuery({ queryKey: sessionKeys.me(), queryFn: fetchMe, staleTime: 60_000 });
  const portal = useQuery({ queryKey: sessionKeys.portal(), queryFn: fetchPortal, staleTime: Infinity });
  // A family may have new CGU to accept before anything else. If its account cannot be read (the identity service
  // unavailable), the portal is not blocked: it is shown as usual.
  const family = me.data !== undefined && isFamily(me.data);
  const account = useQuery({ queryKey: identityKeys.account(), queryFn: fetchAccount, enabled: family, retry: false, staleTime: 60_000 });
  // New CGU may come out while a family is on the portal: the gateway then refuses its calls (403 « cgu-a-accepter »)
  // and the account, read again, says they are to accept.
  const queryClient = useQueryClient();
  useEffect(() => onCguToAccept(() => void queryClient.invalidateQueries({ queryKey: identityKeys.account() })), [queryClient]);
  if (me.isPending || (family && account.isPending)) {
    return <p className="fr-container fr-py-6w" role="status">Chargement…</p>;
  }
  const mustAcceptCgu = family && account.data?.mustAcceptCgu === true;
  return (
    <SessionContext.Provider value={{ me: me.data ?? ANONYMOUS, portal: portal.data ?? DEFAULT_PORTAL }}>
      <Routes>
        <Route element={<Layout />}>
          {mustAcceptCgu ? (
            <Route path="*" element={<NouvellesCgu />} />
          ) : (
            <>
              <Route index element={<Home />} />
              <Route path="mon-dossier/*" element={<MonDossier />} />
              <Route path="facturation/*" element={<Facturation />} />
              <Route path="messagerie/*" element={<Messagerie />} />
              <Route path="inscription" element={<Inscription />} />
              <Route path="activation/:token" element={<Activation />} />
              <Route path="mot-de-passe-oublie" element={<MotDePasseOublie />} />
              <Route path="mot-de-passe/:token" element={<NouveauMotDePasse />} />
              <Route path="confirmation-e-mail/:token" element={<ConfirmationEmail />} />
              <Route path="cgu" element={<Cgu />} />
              <Route path="agent" element={<Agent />} />
              <Route path="agent/dossiers/:number" element={<AgentDossier />} />
              <Route path="agent/facturation/*" element={<AgentFacturation />} />
              <Route path="agent/messagerie/*" element={<AgentMessagerie />} />
              <Route path="agent/actualites/*" element={<AgentActualites />} />
              <Route path="mon-compte" element={<MonCompte />} />
              <Route path="*" element={<NotFound />} />
            </>
          )}
        </Route>
      </Routes>
    </SessionContext.Provider>
  );
}
