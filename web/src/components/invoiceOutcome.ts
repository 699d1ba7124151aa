import type { InvoiceSummary } from "../api/billing";
import { frenchDay } from "../format";

/**
 * How a settled invoice ended: « Payée le 05/10/2026 — Carte bancaire en ligne », « Annulée le 12/10/2026 — Motif :
 * … » (the day in Paris); null for the others. Decided on the status, worded with the API's label and payment method.
 * Every invoice carries them, in the lists as in its details: « Consultez vos précédentes factures », the invoice's
 * page, a dossier's invoices for agents.
 */
export function invoiceOutcome(invoice: InvoiceSummary): string | null {
  if (invoice.status === "PAID" && invoice.payment) {
    return `${invoice.statusLabel} le ${frenchDay(invoice.payment.paidAt)} — ${invoice.payment.method}`;
  }
  if (invoice.status === "CANCELLED" && invoice.cancellation) {
    return `${invoice.statusLabel} le ${frenchDay(invoice.cancellation.cancelledAt)} — Motif : ${invoice.cancellation.reason}`;
  }
  return null;
}
