// The billing service (ADR 004): a family's invoices and their online payment; the agents' import, cancellation and
// « Journal des paiements ». The types below are the contract the pages assume of billing-service's answers.
import { ApiProblem, csrfToken, getJson, send } from "./http";

/* ----- The answers (the contract) ----- */

/**
 * An amount of money as the API gives it: a decimal string (« 51.50 ») or a JSON number (51.5); both are read as a
 * decimal text, never computed with floats. Amounts of money have 2 decimals at most; a tarif up to 4, a quantity
 * up to 2.
 */
export type Amount = string | number;

/** An id as the API gives it (a number, or a text such as a UUID): sent back as it is. */
export type Id = number | string;

/** Where an invoice stands (billing-service's `InvoiceStatus`); `statusLabel` is its French label. */
export type InvoiceStatus = "TO_PAY" | "PAYMENT_IN_PROGRESS" | "PAID" | "DIRECT_DEBIT_SCHEDULED" | "CANCELLED";

/** A line, as the seed's table: « Nom et Prénom – Prestation | Tarif | Quantité | Montant ». */
export type InvoiceLine = {
  /** « DURAND Marie »; null or empty for a line of the whole family. */
  beneficiary: string | null;
  /** « Repas Enfants ». */
  service: string;
  unitPrice: Amount;
  quantity: Amount;
  amount: Amount;
};

/** How and when a paid invoice was paid. */
export type InvoicePayment = {
  /** The instant the bank's notification said it was paid (ISO 8601). */
  paidAt: string;
  /** « CARD », « DIRECT_DEBIT »… */
  method: string;
  /** How it was paid, in French, to follow « par »: « carte bancaire ». When absent, the page names `method` itself. */
  methodLabel?: string | null;
  /** The payment's reference (the one of the receipt mail). */
  reference: string;
};

/** Why and when an agent cancelled an invoice. */
export type InvoiceCancellation = { reason: string; cancelledAt: string };

/** An invoice as the lists give it (`lines` may be left out there). */
export type InvoiceSummary = {
  id: Id;
  /** Unique per authority: « 2026-000123 ». */
  number: string;
  dossierNumber: string;
  /** « Septembre 2026 ». */
  period: string;
  /** yyyy-MM-dd. */
  issueDate: string;
  /** yyyy-MM-dd. */
  dueDate: string;
  total: Amount;
  status: InvoiceStatus;
  /** « À payer », « Paiement en cours », « Payée », « Prélèvement prévu », « Annulée ». */
  statusLabel: string;
  /** When paid (status PAID). */
  payment?: InvoicePayment | null;
  /** When cancelled (status CANCELLED). */
  cancellation?: InvoiceCancellation | null;
  lines?: InvoiceLine[];
};

/** An invoice with its lines (GET /api/billing/invoices/{id}, the answer to a cancellation). */
export type Invoice = InvoiceSummary & { lines: InvoiceLine[] };

/** A page of a list, as dossier-service's search answers it: `page` from 0, `total` items in all. */
export type Page<T> = { items: T[]; page: number; size: number; total: number };

/** GET /api/billing/settings: the active bank and how many invoices one payment may settle (null: no limit). */
export type BillingSettings = { provider: "SYSTEMPAY" | "PAYFIP"; maxInvoicesPerPayment: number | null };

/** Where a payment stands; `statusLabel` is its French label (« Paiement en cours », « Payée »…). */
export type PaymentStatus = "IN_PROGRESS" | "PAID" | "REFUSED" | "ABANDONED";

/** An invoice a payment settles. */
export type PaymentInvoice = { id: Id; number: string; period: string; total: Amount };

/** The form the browser posts to the bank's secure page (auto-submitted): Systempay's signed vads_ fields, or PayFiP's. */
export type PaymentForm = { action: string; method: string; fields: Record<string, string> };

/**
 * A payment of one or several invoices (POST /api/billing/payments answers it with `form`; GET
 * /api/billing/payments/{id} and the journal without).
 */
export type Payment = {
  id: Id;
  status: PaymentStatus;
  statusLabel: string;
  amount: Amount;
  invoices: PaymentInvoice[];
  provider: "SYSTEMPAY" | "PAYFIP";
  /** Our reference, given to the bank (Systempay's vads_order_id) and printed on the receipt. */
  reference: string;
  /** ISO 8601 instants. */
  createdAt: string;
  settledAt: string | null;
  /** The dossier and its family (the agents' journal and details). */
  dossierNumber?: string;
  familyName?: string | null;
  form?: PaymentForm | null;
};

/** An invoice an import created. */
export type ImportedInvoice = { id: Id; number: string; dossierNumber: string; period?: string; total: Amount };

/** POST /api/billing/imports, 201: the invoices created (200: the batch was already imported, nothing created). */
export type ImportAnswer = { invoices: ImportedInvoice[] };

/**
 * One bad row of a refused import (the 422 problem's `errors`): billing-service's `ImportProblem`.
 */
export type ImportError = {
  /** The CSV line as a spreadsheet shows it (the header is line 1), the line of a JSON batch, 0 for the whole file. */
  row: number;
  /** « ligne 5 », « fichier ». */
  location?: string;
  /** The CSV column (« quantite ») or the ImportField's name (« QUANTITY »); null when the row as a whole is wrong. */
  field: string | null;
  /** Stable code of the rule. */
  code?: string;
  /** Why, in French. */
  message: string;
};

/* ----- Query keys ----- */

/** The query keys of the billing service, for every useQuery and invalidation. */
export const billingKeys = {
  all: ["billing"] as const,
  invoices: () => [...billingKeys.all, "invoices"] as const,
  payable: () => [...billingKeys.invoices(), "payable"] as const,
  previous: (page: number) => [...billingKeys.invoices(), "previous", page] as const,
  invoice: (id: Id) => [...billingKeys.invoices(), "detail", String(id)] as const,
  dossierInvoices: (number: string, page: number) => [...billingKeys.invoices(), "dossier", number, page] as const,
  settings: () => [...billingKeys.all, "settings"] as const,
  payments: () => [...billingKeys.all, "payments"] as const,
  payment: (id: Id) => [...billingKeys.payments(), String(id)] as const,
  journal: (date: string) => [...billingKeys.payments(), "journal", date] as const,
};

/* ----- Calls ----- */

const BILLING = "/api/billing";
const id = (value: Id) => encodeURIComponent(String(value));

/** The list of a family's invoices: « payable » (À payer, Paiement en cours, Prélèvement prévu) or « previous ». */
export const fetchInvoices = (view: "payable" | "previous", page = 0, size = 20) =>
  getJson<Page<InvoiceSummary>>(`${BILLING}/invoices?view=${view}&page=${page}&size=${size}`);
export const fetchInvoice = (invoiceId: Id) => getJson<Invoice>(`${BILLING}/invoices/${id(invoiceId)}`);
/** The invoice's PDF, the document the family was sent (downloaded as an attachment). */
export const invoicePdfUrl = (invoiceId: Id) => `${BILLING}/invoices/${id(invoiceId)}/pdf`;
export const fetchSettings = () => getJson<BillingSettings>(`${BILLING}/settings`);

/** Starts the payment of `invoiceIds`: 201 with the form to post to the bank; 409 when one is no longer payable. */
export const startPayment = (invoiceIds: Id[]) => send<Payment>("POST", `${BILLING}/payments`, { invoiceIds });
export const fetchPayment = (paymentId: Id) => getJson<Payment>(`${BILLING}/payments/${id(paymentId)}`);

/* Agents */

export const fetchDossierInvoices = (number: string, page = 0, size = 20) =>
  getJson<Page<InvoiceSummary>>(`${BILLING}/dossiers/${encodeURIComponent(number)}/invoices?page=${page}&size=${size}`);
export const cancelInvoice = (invoiceId: Id, reason: string) =>
  send<Invoice>("POST", `${BILLING}/invoices/${id(invoiceId)}/cancellation`, { reason });
/** « Journal des paiements » of a day (yyyy-MM-dd, in Paris): every payment started that day, oldest first. */
export const fetchJournal = (date: string) => getJson<Payment[]>(`${BILLING}/payments?date=${date}`);
export const journalCsvUrl = (date: string) => `${BILLING}/payments/journal.csv?date=${date}`;

/** What became of an import: created (201), already imported (200), or refused with every bad row (422). */
export type ImportOutcome =
  | { kind: "imported"; invoices: ImportedInvoice[] }
  | { kind: "already-imported" }
  | { kind: "rejected"; detail: string; errors: ImportError[] };

/**
 * Uploads a CSV file of invoices (multipart `file`). A refusal other than the report of bad rows (422) is thrown as
 * an {@link ApiProblem}, as every call does.
 */
export async function importInvoices(file: File): Promise<ImportOutcome> {
  const form = new FormData();
  form.append("file", file);
  const response = await fetch(`${BILLING}/imports`, {
    method: "POST",
    credentials: "same-origin",
    headers: { Accept: "application/json", "X-XSRF-TOKEN": csrfToken() },
    body: form,
  });
  const body = await response.json().catch(() => null);
  if (response.status === 201) {
    return { kind: "imported", invoices: (body as ImportAnswer | null)?.invoices ?? [] };
  }
  if (response.ok) {
    return { kind: "already-imported" };
  }
  const detail = typeof body?.detail === "string" ? body.detail : "Une erreur est survenue. Réessayez dans quelques minutes.";
  if (response.status === 422 && Array.isArray(body?.errors)) {
    return { kind: "rejected", detail, errors: body.errors as ImportError[] };
  }
  throw new ApiProblem(response.status, detail, {}, typeof body?.type === "string" ? body.type : null);
}

/* ----- Money, without floats ----- */

/**
 * A JSON number as the decimal text it was written with: `String` gives « 51.5 », « 0.0001 », but an exponent for very
 * small or large ones (« 1e-7 »), written out here in plain digits.
 */
function plainText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new Error(`Montant illisible : ${value}`);
  }
  const text = String(value);
  const exponent = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/i.exec(text);
  if (!exponent) {
    return text;
  }
  const [, sign, whole, fraction = "", power] = exponent;
  const digits = whole + fraction;
  const point = whole.length + Number(power);
  if (point <= 0) {
    return `${sign}0.${"0".repeat(-point)}${digits}`;
  }
  if (point >= digits.length) {
    return `${sign}${digits}${"0".repeat(point - digits.length)}`;
  }
  return `${sign}${digits.substring(0, point)}.${digits.substring(point)}`;
}

/** A decimal as the API gives it, read as its sign and its digits before and after the point. */
function digitsOf(value: Amount): { negative: boolean; whole: string; fraction: string } {
  const text = typeof value === "number" ? plainText(value) : String(value).trim();
  const match = /^([-+]?)(\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) {
    throw new Error(`Montant illisible : ${text}`);
  }
  const whole = match[2].replace(/^0+(?=\d)/, "");
  const fraction = match[3] ?? "";
  // « -0.00 » is zero, without a sign.
  const zero = /^0*$/.test(whole + fraction);
  return { negative: match[1] === "-" && !zero, whole, fraction };
}

/** An amount of money in cents, as an integer: « 51.50 » and 51.5 give 5150. */
export function toCents(amount: Amount): number {
  const { negative, whole, fraction } = digitsOf(amount);
  if (fraction.length > 2 && /[1-9]/.test(fraction.substring(2))) {
    throw new Error(`Montant au-delà du centime : ${amount}`);
  }
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, "0").substring(0, 2));
  return negative ? -cents : cents;
}

/** The sum of amounts of money, in cents (integers: never 0,1 + 0,2 = 0,30000000000000004). */
export const sumCents = (amounts: Amount[]) => amounts.reduce<number>((sum, amount) => sum + toCents(amount), 0);

/** Thousands separated as fr-FR does it (a narrow no-break space). */
const groupThousands = (whole: string) => whole.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f");

/** Cents as French people read euros: 5150 → « 51,50 € » (no-break space before €, as fr-FR writes it). */
export function eurosOfCents(cents: number): string {
  const absolute = Math.abs(cents);
  const whole = String(Math.floor(absolute / 100));
  const fraction = String(absolute % 100).padStart(2, "0");
  return `${cents < 0 ? "-" : ""}${groupThousands(whole)},${fraction}\u00a0€`;
}

/** An amount of money as the API gives it, written « 51,50 € ». */
export const euros = (amount: Amount) => eurosOfCents(toCents(amount));

/**
 * A decimal (tarif, quantité) written as French people do, with at least `minDecimals` decimals and the ones the API
 * gives beyond (trailing zeros beyond `minDecimals` dropped): « 4,40 », « 0,3333 », « 10,00 ».
 */
export function frenchDecimal(value: Amount, minDecimals = 2): string {
  const { negative, whole, fraction } = digitsOf(value);
  const significant = fraction.replace(/0+$/, "");
  const decimals = significant.length > minDecimals ? significant : significant.padEnd(minDecimals, "0");
  return `${negative ? "-" : ""}${groupThousands(whole)}${decimals ? `,${decimals}` : ""}`;
}

/** How an invoice was paid, to follow « par »: the API's label, else ours for the known methods. */
export function paymentMethodLabel(payment: InvoicePayment): string {
  if (payment.methodLabel) {
    return payment.methodLabel;
  }
  const known: Record<string, string> = {
    CARD: "carte bancaire",
    DIRECT_DEBIT: "prélèvement",
    SEPA_DIRECT_DEBIT: "prélèvement",
  };
  return known[payment.method] ?? payment.method;
}
