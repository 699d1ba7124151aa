// The billing service's endpoints, one handler each, named as in api/billing.ts: each answers `answer` (a body sent
// as JSON, or a resolver). Lists filtered by a query parameter (view, date) answer only that one, and let the next
// handler answer the others.
import { http, type HttpResponseResolver } from "msw";
import type { Id, Invoice, InvoiceSummary, Page, Payment } from "../../api/billing";
import { resolverOf, type Answer } from "../server";

const BILLING = "/api/billing";

/** Answers only when the request's query parameter `name` is `value`; otherwise the next handler answers. */
const when = (name: string, value: string, answer: Answer): HttpResponseResolver => {
  const resolver = resolverOf(answer);
  return (info) => (new URL(info.request.url).searchParams.get(name) === value ? resolver(info) : undefined);
};

export const billing = {
  /* Families */
  invoices: (view: "payable" | "previous", answer: Answer) => http.get(`${BILLING}/invoices`, when("view", view, answer)),
  invoice: (id: Id, answer: Answer) => http.get(`${BILLING}/invoices/${id}`, resolverOf(answer)),
  settings: (answer: Answer) => http.get(`${BILLING}/settings`, resolverOf(answer)),
  startPayment: (answer: Answer) => http.post(`${BILLING}/payments`, resolverOf(answer)),
  payment: (id: Id, answer: Answer) => http.get(`${BILLING}/payments/${id}`, resolverOf(answer)),

  /* Agents */
  importInvoices: (answer: Answer) => http.post(`${BILLING}/imports`, resolverOf(answer)),
  dossierInvoices: (number: string, answer: Answer) => http.get(`${BILLING}/dossiers/${number}/invoices`, resolverOf(answer)),
  cancelInvoice: (id: Id, answer: Answer) => http.post(`${BILLING}/invoices/${id}/cancellation`, resolverOf(answer)),
  journal: (date: string, answer: Answer) => http.get(`${BILLING}/payments`, when("date", date, answer)),
};

/* ----- The seed's invoice and its kin ----- */

/** The seed's invoice of dossier 6000: DURAND Marie, Repas Enfants 4.40 × 10.00 = 44.00, Atelier 3D 0.75 × 10.00 = 7.50. */
export const SEED_INVOICE: Invoice = {
  id: 123, number: "2026-000123", dossierNumber: "6000", period: "Septembre 2026", issueDate: "2026-10-05",
  dueDate: "2026-10-31", total: "51.50", status: "TO_PAY", statusLabel: "À payer", payment: null, cancellation: null,
  lines: [
    { beneficiary: "DURAND Marie", service: "Repas Enfants", unitPrice: "4.40", quantity: "10.00", amount: "44.00" },
    { beneficiary: "DURAND Marie", service: "Atelier 3D", unitPrice: "0.75", quantity: "10.00", amount: "7.50" },
  ],
};

/** An invoice summary: the seed's, with `changes`. */
export const invoiceSummary = (changes: Partial<InvoiceSummary>): InvoiceSummary => {
  const { lines: _lines, ...summary } = SEED_INVOICE;
  return { ...summary, ...changes };
};

/** A page of `items`, the first. */
export const pageOf = <T,>(items: T[], changes: Partial<Page<T>> = {}): Page<T> =>
  ({ items, page: 0, size: 20, total: items.length, ...changes });

/** A payment of the seed's invoice by card, in progress. */
export const PAYMENT: Payment = {
  id: 77, status: "IN_PROGRESS", statusLabel: "Paiement en cours", amount: "51.50",
  invoices: [{ id: 123, number: "2026-000123", period: "Septembre 2026", total: "51.50" }],
  provider: "SYSTEMPAY", reference: "PF-2026-000077", createdAt: "2026-10-06T08:15:00Z", settledAt: null,
  dossierNumber: "6000", familyName: "DURAND",
};
