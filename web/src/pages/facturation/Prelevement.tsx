import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { billingKeys, fetchCurrentMandate, type Mandate } from "../../api/billing";
import { ActiveMandate } from "./prelevement/ActiveMandate";
import { MandateRequestForm } from "./prelevement/MandateRequestForm";
import { SignatureStep } from "./prelevement/SignatureStep";

/** What the family just did on this page, for where the focus goes. */
type Moment = "arrived" | "asked" | "signed" | "restarting";

/**
 * « Adhérez au prélèvement automatique »: the dossier's mandate as billing-service has it. None: the details and the
 * mandate's text to sign (`prelevement/MandateRequestForm`); waiting for its signature: the code e-mailed
 * (`SignatureStep`); active: the mandate, its RUM and PDF (`ActiveMandate`).
 */
export function Prelevement() {
  const queryClient = useQueryClient();
  const [moment, setMoment] = useState<Moment>("arrived");
  const current = useQuery({ queryKey: billingKeys.currentMandate(), queryFn: fetchCurrentMandate });
  const show = (mandate: Mandate, now: Moment) => {
    queryClient.setQueryData(billingKeys.currentMandate(), mandate);
    setMoment(now);
  };

  if (current.isPending) {
    return <p role="status">Chargement de votre mandat de prélèvement…</p>;
  }
  if (current.isError) {
    return (
      <Alert severity="error" small
        description="Votre mandat de prélèvement ne peut pas être affiché pour le moment. Réessayez dans quelques minutes." />
    );
  }
  const mandate = current.data;
  if (mandate?.status === "ACTIVE") {
    return <ActiveMandate key={mandate.id} mandate={mandate} justSigned={moment === "signed"} />;
  }
  if (mandate?.status === "PENDING_SIGNATURE" && moment !== "restarting") {
    return (
      <SignatureStep key={mandate.id} mandate={mandate} justAsked={moment === "asked"}
        onSigned={(signed) => show(signed, "signed")} onRestart={() => setMoment("restarting")} />
    );
  }
  return (
    <>
      {moment === "arrived" && (
        <p>
          Vos factures seront prélevées sur votre compte à leur date d'échéance : vous n'aurez plus à les payer en ligne.
          Vous signez en ligne votre mandat de prélèvement SEPA, sans papier à renvoyer, avec un code reçu par courriel.
        </p>
      )}
      <MandateRequestForm onAsked={(asked) => show(asked, "asked")} />
    </>
  );
}
