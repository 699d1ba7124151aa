import { paymentMethodLabel, type InvoiceSummary } from "../../api/billing";
import { frenchDay } from "../../format";

/**
 * How a settled invoice ended, after its label: « Payée le 05/10/2026 par carte bancaire », « Annulée le 12/10/2026 —
 * Motif : … »; nothing for the others. Decided on the status, worded with the API's label.
 */
export function InvoiceStatusText({ invoice }: { invoice: InvoiceSummary }) {
  if (invoice.status === "PAID" && invoice.payment) {
    return <>{invoice.statusLabel} le {frenchDay(invoice.payment.paidAt)} par {paymentMethodLabel(invoice.payment)}</>;
  }
  if (invoice.status === "CANCELLED" && invoice.cancellation) {
    return <>{invoice.statusLabel} le {frenchDay(invoice.cancellation.cancelledAt)} — Motif : {invoice.cancellation.reason}</>;
  }
  return null;
}
