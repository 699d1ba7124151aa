import { Alert } from "@codegouvfr/react-dsfr/Alert";
import { Badge } from "@codegouvfr/react-dsfr/Badge";
import { Button } from "@codegouvfr/react-dsfr/Button";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router-dom";
import { billingKeys, euros, fetchInvoice } from "../../api/billing";
import { frenchDate } from "../../format";
import { FacturationPage, PAGES } from "./FacturationPage";
import { InvoiceLines } from "./InvoiceLines";
import { invoiceOutcome } from "../../components/invoiceOutcome";
import { DEBIT_HINT, isDebited } from "./PayerFactures";
import { PdfLink } from "./PdfLink";

/**
 * An invoice of the family: its lines as on the paper invoice, total, due date, status (how and when paid, or why
 * cancelled), and its PDF.
 */
export function Facture() {
  const { id = "" } = useParams();
  const invoice = useQuery({ queryKey: billingKeys.invoice(id), queryFn: () => fetchInvoice(id) });
  const title = invoice.data ? `Facture n° ${invoice.data.number}` : "Facture";
  const intro = invoice.data ? `${invoice.data.period} — dossier n° ${invoice.data.dossierNumber}` : "";
  return (
    <FacturationPage title={title} intro={intro}>
      {() => {
        if (invoice.isPending) {
          return <p role="status">Chargement de la facture…</p>;
        }
        if (invoice.isError) {
          return (
            <>
              <Alert severity="error" small className="fr-mb-3w"
                description="Cette facture est introuvable ou ne peut pas être affichée pour le moment." />
              <Link className="fr-link" to={PAGES.payer.path}>Revenir à mes factures</Link>
            </>
          );
        }
        const data = invoice.data;
        return (
          <>
            <ul className="fr-raw-list fr-mb-3w">
              <li>État : <Badge small noIcon>{data.statusLabel}</Badge></li>
              {invoiceOutcome(data) && <li>{invoiceOutcome(data)}</li>}
              <li>Date d'émission : {frenchDate(data.issueDate)}</li>
              <li>Date d'échéance : {frenchDate(data.dueDate)}</li>
              {data.status === "PAID" && data.payment && <li>Référence du paiement : {data.payment.reference}</li>}
            </ul>
            <InvoiceLines invoice={data} />
            <p className="fr-text--lg">
              Total : <strong>{euros(data.total)}</strong>
              {data.payable && <>, à payer avant le {frenchDate(data.dueDate)}</>}
            </p>
            {isDebited(data) && <p>{DEBIT_HINT}</p>}
            <p><PdfLink invoice={data} /></p>
            <ul className="fr-btns-group fr-btns-group--inline-md">
              {data.payable && (
                <li><Button linkProps={{ to: PAGES.payer.path, state: { select: data.id } }}>Payer cette facture</Button></li>
              )}
              <li>
                <Button priority="secondary" linkProps={{ to: data.status === "PAID" || data.status === "CANCELLED" ? PAGES.precedentes.path : PAGES.payer.path }}>
                  Revenir à mes factures
                </Button>
              </li>
            </ul>
          </>
        );
      }}
    </FacturationPage>
  );
}
