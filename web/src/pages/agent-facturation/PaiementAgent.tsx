import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { billingKeys, euros, fetchPayment } from "../../api/billing";
import { frenchDateTime } from "../../format";
import { AGENT_BILLING, AgentPage } from "./AgentPage";
import { todayInParis } from "./JournalPaiements";

/**
 * A payment as an agent sees it (GET /api/billing/payments/{id}): state, its dossier (a link to it) and family, amount,
 * the bank in words (`providerLabel`), transaction reference, dates, the invoices it settles.
 */
export function PaiementAgent() {
  const { id = "" } = useParams();
  const payment = useQuery({ queryKey: billingKeys.payment(id), queryFn: () => fetchPayment(id) });
  const data = payment.data;
  return (
    <AgentPage title={data ? `Paiement ${data.reference}` : "Paiement"}>
      {payment.isPending ? (
        <p role="status">Chargement du paiement…</p>
      ) : payment.isError ? (
        <Alert severity="error" small description="Ce paiement est introuvable ou ne peut pas être affiché pour le moment." />
      ) : (
        <>
          <dl className="fr-mb-3w">
            <dt className="fr-text--bold">Statut</dt>
            <dd><Badge small noIcon>{data!.statusLabel}</Badge></dd>
            <dt className="fr-text--bold">Dossier</dt>
            <dd>
              <Link className="fr-link" to={`/agent/dossiers/${encodeURIComponent(data!.dossierNumber)}`}>
                {data!.dossierNumber}
              </Link>
            </dd>
            <dt className="fr-text--bold">Famille</dt>
            <dd>{data!.familyName ?? "—"}</dd>
            <dt className="fr-text--bold">Montant</dt>
            <dd>{euros(data!.amount)}</dd>
            <dt className="fr-text--bold">Moyen de paiement</dt>
            <dd>{data!.providerLabel}</dd>
            <dt className="fr-text--bold">Référence de la transaction</dt>
            <dd>{data!.reference}</dd>
            <dt className="fr-text--bold">Commencé le</dt>
            <dd>{frenchDateTime(data!.createdAt)}</dd>
            <dt className="fr-text--bold">Terminé le</dt>
            <dd>{data!.settledAt ? frenchDateTime(data!.settledAt) : "—"}</dd>
          </dl>
          <div className="fr-table">
            <table>
              <caption>Factures de ce paiement</caption>
              <thead>
                <tr><th scope="col">N° de facture</th><th scope="col">Période</th><th scope="col">Montant</th></tr>
              </thead>
              <tbody>
                {data!.invoices.map((invoice) => (
                  <tr key={String(invoice.id)}><td>{invoice.number}</td><td>{invoice.period}</td><td>{euros(invoice.total)}</td></tr>
                ))}
              </tbody>
            </table>
          </div>
          <Link className="fr-link fr-icon-arrow-left-line fr-link--icon-left"
            to={`${AGENT_BILLING}/journal?date=${todayInParis(new Date(data!.createdAt))}`}>
            Journal des paiements de ce jour
          </Link>
        </>
      )}
    </AgentPage>
  );
}
