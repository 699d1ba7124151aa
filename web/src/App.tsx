import { useQuery } from "@tanstack/react-query";
import { Route, Routes } from "react-router-dom";
import { ANONYMOUS, DEFAULT_PORTAL, fetchMe, fetchPortal } from "./api";
import { Layout } from "./Layout";
import { SessionContext } from "./session";
import { Home } from "./pages/Home";
import { MonDossier } from "./pages/MonDossier";
import { Agent, AgentDossier } from "./pages/AgentPages";
import { Activation } from "./pages/Activation";
import { Inscription } from "./pages/Inscription";
import { MotDePasseOublie, NouveauMotDePasse } from "./pages/MotDePasse";
import { Cgu, Facturation, Messagerie, NotFound } from "./pages/Pages";

export function App() {
  const me = useQuery({ queryKey: ["me"], queryFn: fetchMe, staleTime: 60_000 });
  const portal = useQuery({ queryKey: ["portal"], queryFn: fetchPortal, staleTime: Infinity });
  if (me.isPending) {
    return <p className="fr-container fr-py-6w" role="status">Chargement…</p>;
  }
  return (
    <SessionContext.Provider value={{ me: me.data ?? ANONYMOUS, portal: portal.data ?? DEFAULT_PORTAL }}>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<Home />} />
          <Route path="mon-dossier/*" element={<MonDossier />} />
          <Route path="facturation/*" element={<Facturation />} />
          <Route path="messagerie/*" element={<Messagerie />} />
          <Route path="inscription" element={<Inscription />} />
          <Route path="activation/:token" element={<Activation />} />
          <Route path="mot-de-passe-oublie" element={<MotDePasseOublie />} />
          <Route path="mot-de-passe/:token" element={<NouveauMotDePasse />} />
          <Route path="cgu" element={<Cgu />} />
          <Route path="agent" element={<Agent />} />
          <Route path="agent/dossiers/:number" element={<AgentDossier />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </SessionContext.Provider>
  );
}
