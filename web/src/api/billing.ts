// The billing service (ADR 004): a family's invoices and their online payment; the agents' import, cancellation and
// « Journal des paiements ». The types below are billing-service's answers as its controllers write them
// (InvoiceController, InvoiceImportController, PaymentController, MandateController): the contract the pages rely on.
import { ApiProblem, csrfToken, getJson, isProblem, send } from "./http";

/* ----- The answers (the contract) ----- */

/**
 * An amount of money as the API gives it: billing-service writes a `BigDecimal` as a JSON number (51.50 arrives as
 * 51.5); a decimal string (« 51.50 ») is read the same way. Never computed with floats: see {@link toCents}. Amounts of
 * money have 2 decimals at most; a tarif up to 4, a quantity up to 2.
 */
export type Amount = string | number;

/** An invoice's or a payment's id: a UUID, sent back as it is. */
export type Id = string;

/** Where an invoice stands (billing-service's `InvoiceStatus`); `statusLabel` is its French label. */
export type InvoiceStatus = "TO_PAY" | "PAYMENT_IN_PROGRESS" | "PAID" | "DIRECT_DEBIT_SCHEDULED" | "CANCELLED";

/** A line, as the seed's table: « Nom et Prénom – Prestation | Tarif | Quantité | Montant » (`LineView`). */
export type InvoiceLine = {
  /** « DURAND Marie »; null for a line of the whole family. */
  beneficiary: string | null;
  /** « Repas Enfants ». */
  service: string;
  /** As printed on the invoice: « DURAND Marie – Repas Enfants », or the service alone. */
  label: string;
  unitPrice: Amount;
  quantity: Amount;
  amount: Amount;
};

/** How and when a paid invoice was paid (`PaymentView` of the invoice, only when PAID). */
export type InvoicePayment = {
  /** The instant the bank's notification said it was paid (ISO 8601). */
  paidAt: string;
  /** How, already in French: « Carte bancaire en ligne », « PayFiP (paiement en ligne) ». */
  method: string;
  /** The bank's transaction reference (the one of the receipt mail): « 20261006-000042 ». */
  reference: string;
};

/** Why and when an agent cancelled an invoice (only when CANCELLED); `cancelledBy` for agents only, else null. */
export type InvoiceCancellation = { cancelledAt: string; reason: string; cancelledBy: string | null };

/**
 * An invoice in a list (`InvoiceSummary`): GET /api/billing/invoices?view=…, GET /api/billing/dossiers/{number}/invoices.
 * When paid, how and when (`payment`); when cancelled, why (`cancellation`, without the agent's name in a list).
 */
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
  /** « À payer », « Paiement en cours », « Payée », « Prélèvement prévu le 15/12/2026 », « Annulée ». */
  statusLabel: string;
  /** Whether the family may choose it for an online payment (only « À payer »). */
  payable: boolean;
  /** Where the gateway serves its PDF (« /api/billing/invoices/{id}/pdf »); null when it has none. */
  pdfPath: string | null;
  /**
   * The day (yyyy-MM-dd) the invoice will be debited from the family's account when its dossier has an active mandate
   * (then it is not `payable` and its `statusLabel` is « Prélèvement prévu le 15/12/2026 »); null otherwise.
   */
  plannedDebitDate: string | null;
  /** Only when PAID, else null. */
  payment: InvoicePayment | null;
  /** Only when CANCELLED, else null; `cancelledBy` only in an invoice's details seen by an agent. */
  cancellation: InvoiceCancellation | null;
};

/**
 * An invoice with its lines (GET /api/billing/invoices/{id}, the answer to a cancellation): `InvoiceDetail`, whose
 * `cancellation.cancelledBy` names the agent when an agent reads it.
 */
export type InvoiceDetail = InvoiceSummary & {
  lines: InvoiceLine[];
};

/** A page of a list (`InvoiceList`): `page` from 0, `total` items in all. */
export type Page<T> = { items: T[]; page: number; size: number; total: number };

/** The bank online payments go through (billing-service's `Provider`). */
export type Provider = "SYSTEMPAY" | "PAYFIP";

/**
 * GET /api/billing/settings: the active bank, how many invoices one payment may settle (null: no limit of the bank's;
 * PayFiP: 1), and whether direct debit can be subscribed online.
 */
export type BillingSettings = { provider: Provider; maxInvoicesPerPayment: number | null; directDebitAvailable: boolean };

/** Where a payment stands (billing-service's `PaymentStatus`): IN_PROGRESS until the bank's answer, then final. */
export type PaymentStatus = "IN_PROGRESS" | "PAID" | "REFUSED" | "ABANDONED";

/** The statuses a payment never leaves (`PaymentStatus.isFinal()`): the return page stops asking. */
export const FINAL_PAYMENT_STATUSES: readonly PaymentStatus[] = ["PAID", "REFUSED", "ABANDONED"];
export const isFinalPayment = (status: PaymentStatus) => FINAL_PAYMENT_STATUSES.includes(status);

/** An invoice a payment settles. */
export type PaymentInvoice = { id: Id; number: string; period: string; total: Amount };

/**
 * The form the browser sends to the bank's secure page (auto-submitted), as billing-service gives it: Systempay's
 * signed vads_ fields by POST, PayFiP's idop by GET.
 */
export type PaymentForm = { action: string; method: string; fields: Record<string, string> };

/**
 * A payment of one or several invoices (`PaymentView`): POST /api/billing/payments answers it with `form`, GET
 * /api/billing/payments/{id} with `form` null.
 */
export type Payment = {
  id: Id;
  status: PaymentStatus;
  /** « Paiement en cours », « Paiement accepté », « Paiement refusé », « Paiement abandonné ». */
  statusLabel: string;
  /** What the family can do now, in French (« Nous attendons la confirmation de la banque… »). */
  nextStep: string;
  amount: Amount;
  provider: Provider;
  /** The bank in words, as the journal names it: « Carte bancaire (Systempay) », « PayFiP ». */
  providerLabel: string;
  invoices: PaymentInvoice[];
  /** ISO 8601 instants; `settledAt` once the bank answered (paid, refused or abandoned). */
  createdAt: string;
  settledAt: string | null;
  /** The bank's transaction reference: « 20261006-000042 » (Systempay), PayFiP's idOp. */
  reference: string;
  /** The dossier whose invoices it settles: « 6000 ». */
  dossierNumber: string;
  /** The family's name as the dossier gives it (« DURAND »); null when unknown. */
  familyName: string | null;
  form: PaymentForm | null;
};

/** One payment of the « Journal des paiements » (`JournalLine`). */
export type JournalLine = {
  id: Id;
  createdAt: string;
  settledAt: string | null;
  dossierNumber: string;
  familyName: string | null;
  invoiceNumbers: string[];
  amount: Amount;
  provider: Provider;
  /** « Carte bancaire (Systempay) », « PayFiP ». */
  providerLabel: string;
  status: PaymentStatus;
  statusLabel: string;
  reference: string;
  /** The bank's own status (vads_trans_status, PayFiP's resultrans), null while it has not answered. */
  bankStatus: string | null;
  /** Something a régisseur must look at (paid at the bank after it was given up: to refund), else null. */
  anomaly: string | null;
};

/**
 * GET /api/billing/payments?date=: the payments created or ended that day in Paris (`JournalView`), and the day's
 * takings: the payments paid that day, counted and summed by billing-service.
 */
export type Journal = { date: string; payments: JournalLine[]; paidCount: number; paidTotal: Amount };

/**
 * POST /api/billing/imports answered 201 (invoices created) or 200 (nothing new: `created` 0, `invoiceNumbers` empty):
 * `message` is the sentence the agent reads.
 */
export type ImportAnswer = { created: number; alreadyImported: number; invoiceNumbers: string[]; message: string };

/** One problem of a refused import (the 422 problem's `errors`, `ImportError`). */
export type ImportError = {
  /** The CSV line as a spreadsheet shows it (the header is line 1), the line of a JSON batch, 0 for the whole file. */
  row: number;
  /** « ligne 5 », « ligne 1 (noms des colonnes) », « facture 2, ligne 1 », « fichier ». */
  location: string;
  /** The CSV column (« quantite »); null when the row or the file as a whole is wrong. */
  field: string | null;
  /** The column's French label (« Quantité »); null with `field`. */
  fieldLabel: string | null;
  /** Stable code of the rule (« import.quantity.not-positive »). */
  code: string;
  /** Why, in French. */
  message: string;
};

/* Direct debit (issue 12): the family's SEPA mandate (`MandateController`). */

/**
 * GET /api/billing/mandates/text: the mandate's text to read before signing, in its `version` (sent back when asking:
 * a text changed since is refused), with the creditor (the authority) and its ICS.
 */
export type MandateText = {
  /** « 2026-12-v1 ». */
  version: string;
  creditorName: string;
  /** The creditor's address, line by line. */
  creditorAddress: string[];
  /** The ICS (identifiant créancier SEPA): « FR03ZZZA12345 ». */
  creditorIdentifier: string;
  paragraphs: string[];
};

/** Where a mandate stands (billing-service's `MandateStatus`); `statusLabel` is its French label. */
export type MandateStatus = "PENDING_SIGNATURE" | "ACTIVE" | "REVOKED" | "LAPSED";

/**
 * A mandate as the family sees it (`MandateView`), never with the full IBAN: GET /api/billing/mandates/current, and the
 * answer of asking, of a new code and of the signature.
 */
export type Mandate = {
  id: Id;
  status: MandateStatus;
  /** « En attente de signature », « Actif », « Arrêté », « Caduc ». */
  statusLabel: string;
  holderName: string;
  addressLine: string;
  postcode: string;
  city: string;
  /** « FR76 **** **** **** **** **** 189 ». */
  maskedIban: string;
  /** Null when the family gave none. */
  bic: string | null;
  /** The unique mandate reference (RUM), once signed: « RCC-2026-7K3M9Q2X4B »; else null. */
  rum: string | null;
  textVersion: string;
  /** While waiting for the signature only (else null): when the e-mailed code stops working, and the tries left. */
  codeExpiresAt: string | null;
  codeTriesLeft: number | null;
  /** The instant it was signed (ISO 8601); null while waiting. */
  signedAt: string | null;
  /**
   * While a change of bank details waits for its e-mailed code (« Modifier mes coordonnées bancaires »): the new IBAN
   * masked; null otherwise. The code's expiry and tries are then in `codeExpiresAt` and `codeTriesLeft`.
   */
  pendingMaskedIban: string | null;
  /** The last change of bank details confirmed (ISO 8601), else null. */
  amendedAt: string | null;
  /** When the family stopped the direct debit (ISO 8601), else null. */
  revokedAt: string | null;
  creditorName: string;
  creditorIdentifier: string;
};

/** POST /api/billing/mandates/{id}/bank-details: the new account (the IBAN grouped or not, the BIC optional). */
export type BankDetailsRequest = { holderName: string; iban: string; bic: string | null };

/** POST /api/billing/mandates: what the family fills in (the IBAN grouped or not, the BIC optional). */
export type MandateRequest = {
  holderName: string;
  addressLine: string;
  postcode: string;
  city: string;
  iban: string;
  bic: string | null;
  /** The `version` of the text the family was shown. */
  textVersion: string;
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
  mandates: () => [...billingKeys.all, "mandates"] as const,
  mandateText: () => [...billingKeys.mandates(), "text"] as const,
  currentMandate: () => [...billingKeys.mandates(), "current"] as const,
};

/* ----- Calls ----- */

const BILLING = "/api/billing";
const id = (value: Id) => encodeURIComponent(String(value));

/** The list of a family's invoices: « payable » (À payer, Paiement en cours, Prélèvement prévu) or « previous ». */
export const fetchInvoices = (view: "payable" | "previous", page = 0, size = 20) =>
  getJson<Page<InvoiceSummary>>(`${BILLING}/invoices?view=${view}&page=${page}&size=${size}`);
export const fetchInvoice = (invoiceId: Id) => getJson<InvoiceDetail>(`${BILLING}/invoices/${id(invoiceId)}`);
/** GET /api/billing/invoices/{id}/pdf: the document the family was sent, downloaded as an attachment. */
export const invoicePdfUrl = (invoiceId: Id) => `${BILLING}/invoices/${id(invoiceId)}/pdf`;
/** Where an invoice's PDF is: the `pdfPath` the API gives; null when it has none (the PDF would answer 404). */
export const pdfUrlOf = (invoice: Pick<InvoiceSummary, "pdfPath">) => invoice.pdfPath;
export const fetchSettings = () => getJson<BillingSettings>(`${BILLING}/settings`);

/**
 * Starts the payment of `invoiceIds`: 201 with the form to send to the bank; 409 when one is no longer payable or
 * more than the bank takes at once; 503 when the bank cannot be reached (nothing reserved).
 */
export const startPayment = (invoiceIds: Id[]) => send<Payment>("POST", `${BILLING}/payments`, { invoiceIds });
export const fetchPayment = (paymentId: Id) => getJson<Payment>(`${BILLING}/payments/${id(paymentId)}`);

/* Direct debit: the family's mandate */

export const fetchMandateText = () => getJson<MandateText>(`${BILLING}/mandates/text`);

/** The dossier's active mandate, else the one waiting for its signature; null when it has none (404). */
export async function fetchCurrentMandate(): Promise<Mandate | null> {
  try {
    return await send<Mandate>("GET", `${BILLING}/mandates/current`);
  } catch (error) {
    if (isProblem(error, 404)) {
      return null;
    }
    throw error;
  }
}

/**
 * « Signer le mandat »: 201 the mandate waiting for the 6-digit code e-mailed to the account (a mandate still waiting is
 * replaced); 400 with each field's message (holderName, addressLine, postcode, city, iban, bic); 409 when the text
 * changed since shown, a mandate is already active, or the account has no e-mail address.
 */
export const askMandate = (request: MandateRequest) => send<Mandate>("POST", `${BILLING}/mandates`, request);
/** A new code by e-mail (the former stops working): the mandate with its new expiry and tries. */
export const sendMandateCode = (mandateId: Id) => send<Mandate>("POST", `${BILLING}/mandates/${id(mandateId)}/code`);
/**
 * Signs with the e-mailed code: the mandate « Actif » with its RUM; 400 on field `code` (wrong, with the tries left);
 * 409 when a new code is needed (expired, or no tries left) or already signed.
 */
export const signMandate = (mandateId: Id, code: string) =>
  send<Mandate>("POST", `${BILLING}/mandates/${id(mandateId)}/signature`, { code });
/**
 * « Modifier mes coordonnées bancaires »: the mandate with `pendingMaskedIban`, a 6-digit code e-mailed (confirmed as a
 * signature, by {@link signMandate}); 400 with each field's message (holderName, iban, bic); 409 when not active.
 */
export const changeBankDetails = (mandateId: Id, request: BankDetailsRequest) =>
  send<Mandate>("POST", `${BILLING}/mandates/${id(mandateId)}/bank-details`, request);
/** « Arrêter le prélèvement »: the mandate « Arrêté » (REVOKED); no later file of the bank carries it. */
export const revokeMandate = (mandateId: Id) => send<Mandate>("POST", `${BILLING}/mandates/${id(mandateId)}/revocation`);
/** GET /api/billing/mandates/{id}/pdf: the signed mandate, downloaded as an attachment (409 before the signature). */
export const mandatePdfUrl = (mandateId: Id) => `${BILLING}/mandates/${id(mandateId)}/pdf`;

/* Agents */

export const fetchDossierInvoices = (number: string, page = 0, size = 20) =>
  getJson<Page<InvoiceSummary>>(`${BILLING}/dossiers/${encodeURIComponent(number)}/invoices?page=${page}&size=${size}`);
/** Cancels an invoice with the reason the family reads: the invoice as it is now; 409 when paid, in payment or cancelled. */
export const cancelInvoice = (invoiceId: Id, reason: string) =>
  send<InvoiceDetail>("POST", `${BILLING}/invoices/${id(invoiceId)}/cancellation`, { reason });
/** « Journal des paiements » of a day (yyyy-MM-dd, in Paris). */
export const fetchJournal = (date: string) => getJson<Journal>(`${BILLING}/payments?date=${encodeURIComponent(date)}`);
/** The same journal as CSV for the treasury (UTF-8 with BOM, « ; », decimal comma), downloaded as an attachment. */
export const journalCsvUrl = (date: string) => `${BILLING}/payments/journal.csv?date=${encodeURIComponent(date)}`;

/**
 * What became of an import: invoices created (201), nothing new (200: the batch had been imported), or refused with
 * every problem of every bad row (422).
 */
export type ImportOutcome =
  | { kind: "imported"; answer: ImportAnswer }
  | { kind: "already-imported"; answer: ImportAnswer }
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
  if (response.ok) {
    const answer: ImportAnswer = {
      created: typeof body?.created === "number" ? body.created : 0,
      alreadyImported: typeof body?.alreadyImported === "number" ? body.alreadyImported : 0,
      invoiceNumbers: Array.isArray(body?.invoiceNumbers) ? body.invoiceNumbers : [],
      message: typeof body?.message === "string" ? body.message : "",
    };
    return { kind: response.status === 201 && answer.created > 0 ? "imported" : "already-imported", answer };
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
