import { invoicePdfUrl, type InvoiceSummary } from "../../api/billing";

/** « Télécharger la facture (PDF) »: the document the family was sent, as an attachment. */
export function PdfLink({ invoice }: { invoice: InvoiceSummary }) {
  return (
    <a className="fr-link fr-icon-download-line fr-link--icon-left" href={invoicePdfUrl(invoice.id)}
      download={`facture-${invoice.number}.pdf`}>
      Télécharger la facture (PDF){" "}<span className="fr-sr-only">n° {invoice.number}</span>
    </a>
  );
}
