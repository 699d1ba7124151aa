import type { InvoiceDetail } from "../../api/billing";
import { frenchDay } from "../../format";

/**
 * How a settled invoice ended: « Payée le 05/10/2026 — Carte bancaire en ligne », « Annulée le 12/10/2026 — Motif :
 * … »; null for the others. Decided on the status, worded with the API's label and payment method. Only an invoice's
 * details carry them (GET /api/billing/invoices/{id}, a cancellation's answer), not the lists.
 */
export function invoiceOutcome(invoice: InvoiceDetail): string | null {
  if (invoice.status === "PAID" && invoice.payment) {
    return `${invoice.statusLabel} le ${frenchDay(invoice.payment.paidAt)} — ${invoice.payment.method}`;
  }
  if (invoice.status === "CANCELLED" && invoice.cancellation) {
    return `${invoice.statusLabel} le ${frenchDay(invoice.cancellation.cancelledAt)} — Motif : ${invoice.cancellation.reason}`;
  }
  return null;
}
