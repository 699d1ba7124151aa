import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { billingKeys, fetchCurrentMandate, type Mandate } from "../../api/billing";
import { frenchDateTime } from "../../format";
import { ActiveMandate } from "./prelevement/ActiveMandate";
import { BankDetailsForm } from "./prelevement/BankDetailsForm";
import { MandateRequestForm } from "./prelevement/MandateRequestForm";
import { SignatureStep } from "./prelevement/SignatureStep";

/** What the family just did on this page, for what it shows and where the focus goes. */
type Moment =
  | "arrived" | "asked" | "signed" | "restarting"
  /** « Modifier mes coordonnées bancaires »: the form of the new account, its code asked, the change confirmed. */
  | "changing" | "change-asked" | "changed"
  /** « Arrêter le prélèvement » confirmed, then « Adhérer au prélèvement automatique » again. */
  | "stopped" | "joining";

/** The mandate just stopped: what it means now, and « Adhérer au prélèvement automatique » again. */
function Stopped({ mandate, onJoin }: { mandate: Mandate | null; onJoin: () => void }) {
  const alert = useRef<HTMLDivElement>(null);
  useEffect(() => alert.current?.focus(), []);
  return (
    <>
      <div ref={alert} tabIndex={-1} className="fr-mb-3w">
        <Alert severity="info" as="h2" title="Le prélèvement automatique est arrêté"
          description={`Votre mandat${mandate?.rum ? ` ${mandate.rum}` : ""} est arrêté${mandate?.revokedAt ? ` depuis le ${frenchDateTime(mandate.revokedAt)}` : ""} : vos prochaines factures ne seront plus prélevées. Payez-les en ligne dans « Payez votre ou vos facture(s) en ligne ».`} />
      </div>
      <p>Vous pouvez adhérer de nouveau au prélèvement automatique quand vous le souhaitez, avec ce compte ou un autre.</p>
      <Button onClick={onJoin}>Adhérer au prélèvement automatique</Button>
    </>
  );
}

/**
 * « Adhérez au prélèvement automatique »: the dossier's mandate as billing-service has it. None: the details and the
 * mandate's text to sign (`prelevement/MandateRequestForm`); waiting for its signature: the code e-mailed
 * (`SignatureStep`); active: the mandate, its RUM and PDF (`ActiveMandate`), « Modifier mes coordonnées bancaires »
 * (`BankDetailsForm`, then the same code step while the change waits: `pendingMaskedIban`) and « Arrêter le
 * prélèvement ».
 */
export function Prelevement() {
  const queryClient = useQueryClient();
  const [moment, setMoment] = useState<Moment>("arrived");
  const [stopped, setStopped] = useState<Mandate | null>(null);
  const current = useQuery({ queryKey: billingKeys.currentMandate(), queryFn: fetchCurrentMandate });
  const show = (mandate: Mandate, now: Moment) => {
    queryClient.setQueryData(billingKeys.currentMandate(), mandate);
    setMoment(now);
  };
  const onStopped = (mandate: Mandate) => {
    // billing-service has no current mandate any more (404): the page offers to join again.
    queryClient.setQueryData(billingKeys.currentMandate(), null);
    setStopped(mandate);
    setMoment("stopped");
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
    if (moment === "changing") {
      return (
        <BankDetailsForm mandate={mandate} onAsked={(asked) => show(asked, "change-asked")}
          onCancel={() => setMoment("arrived")} />
      );
    }
    if (mandate.pendingMaskedIban != null) {
      return (
        <SignatureStep key={`${mandate.id}-${mandate.pendingMaskedIban}`} mandate={mandate} justAsked={moment === "change-asked"}
          onSigned={(changed) => {
            show(changed, "changed");
            // The invoices planned are now debited from the new account.
            void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
          }}
          onRestart={() => setMoment("changing")} />
      );
    }
    return (
      <ActiveMandate key={mandate.id} mandate={mandate}
        moment={moment === "signed" ? "signed" : moment === "changed" ? "changed" : "arrived"}
        onChange={() => setMoment("changing")} onStopped={onStopped} />
    );
  }
  if (mandate?.status === "PENDING_SIGNATURE" && moment !== "restarting") {
    return (
      <SignatureStep key={mandate.id} mandate={mandate} justAsked={moment === "asked"}
        onSigned={(signed) => {
          show(signed, "signed");
          void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
        }}
        onRestart={() => setMoment("restarting")} />
    );
  }
  if (moment === "stopped") {
    return <Stopped mandate={stopped} onJoin={() => setMoment("joining")} />;
  }
  return (
    <>
      {moment === "arrived" && (
        <p>
          Vos factures seront prélevées sur votre compte à leur date d'échéance : vous n'aurez plus à les payer en ligne.
          Vous signez en ligne votre mandat de prélèvement SEPA, sans papier à renvoyer, avec un code reçu par courriel.
        </p>
      )}
      <MandateRequestForm onAsked={(asked) => show(asked, "asked")} focusOnArrival={moment === "joining"} />
    </>
  );
}
