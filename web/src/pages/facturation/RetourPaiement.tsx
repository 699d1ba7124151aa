import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useParams } from "react-router-dom";
import { billingKeys, euros, fetchPayment, isFinalPayment, type Payment } from "../../api/billing";
import { frenchDateTime } from "../../format";
import { FacturationPage, PAGES } from "./FacturationPage";

/** How often the page asks for the state of a payment still waiting for the bank's notification. */
export const POLL_INTERVAL_MS = 2000;

function PaidInvoices({ payment }: { payment: Payment }) {
  return (
    <div className="fr-table">
      <table>
        <caption>Factures réglées par ce paiement</caption>
        <thead>
          <tr><th scope="col">N° de facture</th><th scope="col">Période</th><th scope="col">Montant</th></tr>
        </thead>
        <tbody>
          {payment.invoices.map((invoice) => (
            <tr key={String(invoice.id)}><td>{invoice.number}</td><td>{invoice.period}</td><td>{euros(invoice.total)}</td></tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What the family reads for each state of its payment: decided on the status, titled with the API's `statusLabel` and
 * told what to do with its `nextStep`; the page adds the receipt, or the way back to pay again.
 */
function Outcome({ payment }: { payment: Payment }) {
  const amount = euros(payment.amount);
  switch (payment.status) {
    case "IN_PROGRESS":
      return (
        <Alert severity="info" title={payment.statusLabel} className="fr-mb-3w" description={payment.nextStep} />
      );
    case "PAID":
      return (
        <>
          <Alert severity="success" title={payment.statusLabel} className="fr-mb-3w" description={payment.nextStep} />
          <h2 className="fr-h4">Votre reçu</h2>
          <ul className="fr-raw-list fr-mb-3w">
            <li>Montant : <strong>{amount}</strong></li>
            <li>Référence du paiement : {payment.reference}</li>
            {payment.settledAt && <li>Payé le {frenchDateTime(payment.settledAt)}</li>}
          </ul>
          <PaidInvoices payment={payment} />
          <Button linkProps={{ to: PAGES.precedentes.path }}>Voir mes précédentes factures</Button>
        </>
      );
    case "REFUSED":
      return (
        <>
          <Alert severity="error" title={payment.statusLabel} className="fr-mb-3w" description={payment.nextStep} />
          <h2 className="fr-h4">Que faire ?</h2>
          <ul>
            <li>Vérifiez le numéro, la date d'expiration et le code de votre carte, puis essayez à nouveau.</li>
            <li>Ou payez avec une autre carte bancaire.</li>
            <li>Si le refus se répète, votre banque peut vous en dire la raison (plafond de paiement atteint, carte bloquée…).</li>
          </ul>
          <Button linkProps={{ to: PAGES.payer.path }}>Payer à nouveau</Button>
        </>
      );
    case "ABANDONED":
      return (
        <>
          <Alert severity="warning" title={payment.statusLabel} className="fr-mb-3w" description={payment.nextStep} />
          <Button linkProps={{ to: PAGES.payer.path }}>Revenir à mes factures à payer</Button>
        </>
      );
    default:
      return <Alert severity="info" title={payment.statusLabel} description={payment.nextStep} />;
  }
}

/**
 * Back from the bank (it sends the browser to /facturation/paiements/{id} with a GET): the payment's state, asked every
 * 2 seconds until a final status (PAID, REFUSED, ABANDONED: only the bank's notification settles the invoices), each
 * with what to do next.
 */
export function RetourPaiement() {
  const { id = "" } = useParams();
  const queryClient = useQueryClient();
  const payment = useQuery({
    queryKey: billingKeys.payment(id),
    queryFn: () => fetchPayment(id),
    refetchInterval: (query) => {
      const current = query.state.data?.status;
      return current && !isFinalPayment(current) ? POLL_INTERVAL_MS : false;
    },
  });
  const status = payment.data?.status;
  useEffect(() => {
    if (status && isFinalPayment(status)) {
      // The invoices changed state: the lists are read again.
      void queryClient.invalidateQueries({ queryKey: billingKeys.invoices() });
    }
  }, [status, queryClient]);
  return (
    <FacturationPage title="Votre paiement" intro={payment.data ? `Paiement n° ${payment.data.reference}` : "Le résultat de votre paiement en ligne."}>
      {() => (
        // Each new state is read out as it comes (« Paiement en cours », then « Paiement accepté »…).
        <div aria-live="polite">
          {payment.data ? (
            <Outcome payment={payment.data} />
          ) : payment.isError ? (
            <Alert severity="error" small description="Ce paiement est introuvable ou ne peut pas être affiché pour le moment. Vos factures sont sous « Facturation »." />
          ) : (
            <p>Chargement de votre paiement…</p>
          )}
        </div>
      )}
    </FacturationPage>
  );
}
