import { Button } from "@codegouvfr/react-dsfr/Button";
import { Card } from "@codegouvfr/react-dsfr/Card";
import { Input } from "@codegouvfr/react-dsfr/Input";
import { useState, type FormEvent } from "react";
import { Route, Routes, useNavigate } from "react-router-dom";
import { useFocusTitleOnNavigation } from "../../components/useFocusTitleOnNavigation";
import { isAgent } from "../../api/session";
import { useSession } from "../../session";
import { Refused } from "../agent/Refused";
import { NotFound } from "../Pages";
import { AGENT_BILLING, AgentPage } from "./AgentPage";
import { FacturesDossier } from "./FacturesDossier";
import { ImporterFactures } from "./ImporterFactures";
import { FichierPrelevement } from "./FichierPrelevement";
import { JournalPaiements } from "./JournalPaiements";
import { MandatAgent } from "./MandatAgent";
import { PaiementAgent } from "./PaiementAgent";
import { Prelevements } from "./Prelevements";
import type { ExportedState } from "./prelevements/ExportForm";

/** « Factures d'un dossier »: the number typed, its invoices. */
function DossierForm() {
  const navigate = useNavigate();
  const [number, setNumber] = useState("");
  const [error, setError] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (number.trim() === "") {
      setError("Indiquez le numéro du dossier.");
      return;
    }
    // After the submit event: a navigation (a transition) started inside it makes React take the form for an action
    // of its own and read it as FormData.
    const to = `${AGENT_BILLING}/dossiers/${encodeURIComponent(number.trim())}`;
    queueMicrotask(() => navigate(to));
  };
  return (
    <form onSubmit={onSubmit} aria-labelledby="factures-dossier-titre" noValidate className="fr-mt-6w">
      <h2 id="factures-dossier-titre" className="fr-h4">Factures d'un dossier</h2>
      <Input label="Numéro de dossier" hintText="3 ou 4 chiffres, par exemple 6000."
        state={error ? "error" : "default"} stateRelatedMessage={error ?? undefined}
        nativeInputProps={{ value: number, inputMode: "numeric", autoComplete: "off",
          onChange: (e) => { setNumber(e.target.value); setError(null); } }} />
      <Button type="submit">Voir les factures</Button>
    </form>
  );
}

/** The agents' billing: import invoices, a dossier's invoices (and cancelling one), the day's payments, direct debits. */
function Accueil() {
  return (
    <AgentPage title="Facturation" lead="Les factures des familles et leurs paiements en ligne.">
      <ul className="fr-grid-row fr-grid-row--gutters fr-raw-list">
        <li className="fr-col-12 fr-col-md-6">
          <Card title="Importer des factures" titleAs="h2" enlargeLink linkProps={{ to: `${AGENT_BILLING}/import` }}
            desc="Le fichier CSV du logiciel de facturation : toutes les factures du lot, ou aucune si une ligne est erronée." />
        </li>
        <li className="fr-col-12 fr-col-md-6">
          <Card title="Journal des paiements" titleAs="h2" enlargeLink linkProps={{ to: `${AGENT_BILLING}/journal` }}
            desc="Les paiements en ligne d'un jour, leur total, et leur export CSV pour la trésorerie." />
        </li>
        <li className="fr-col-12 fr-col-md-6">
          <Card title="Prélèvements automatiques" titleAs="h2" enlargeLink linkProps={{ to: `${AGENT_BILLING}/prelevements` }}
            desc="Le fichier de prélèvement SEPA à remettre à la banque, ses rejets, et les mandats signés par les familles." />
        </li>
      </ul>
      <DossierForm />
    </AgentPage>
  );
}


/** /agent/facturation/*: agents only. */
export function AgentFacturation() {
  const { me } = useSession();
  // Arriving from « Exporter le fichier », the file's page puts the focus on what the export did.
  useFocusTitleOnNavigation((state) => (state as Partial<ExportedState> | null)?.exported !== undefined);
  if (!isAgent(me)) {
    return <Refused />;
  }
  return (
    <Routes>
      <Route index element={<Accueil />} />
      <Route path="import" element={<ImporterFactures />} />
      <Route path="journal" element={<JournalPaiements />} />
      <Route path="dossiers/:number" element={<FacturesDossier />} />
      <Route path="paiements/:id" element={<PaiementAgent />} />
      <Route path="prelevements" element={<Prelevements />} />
      <Route path="prelevements/mandats/:id" element={<MandatAgent />} />
      <Route path="prelevements/:id" element={<FichierPrelevement />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
