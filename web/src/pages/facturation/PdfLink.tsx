import { pdfUrlOf, type InvoiceSummary } from "../../api/billing";

/** « Télécharger la facture (PDF) »: the document the family was sent, at the `pdfPath` the API gives. */
export function PdfLink({ invoice }: { invoice: InvoiceSummary }) {
  const url = pdfUrlOf(invoice);
  if (!url) {
    return <span className="fr-text--sm">PDF non disponible{" "}<span className="fr-sr-only">pour la facture n° {invoice.number}</span></span>;
  }
  return (
    <a className="fr-link fr-icon-download-line fr-link--icon-left" href={url} download={`facture-${invoice.number}.pdf`}>
      Télécharger la facture (PDF){" "}<span className="fr-sr-only">n° {invoice.number}</span>
    </a>
  );
}
