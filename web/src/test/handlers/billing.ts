// The billing service's endpoints, one handler each, named as in api/billing.ts: each answers `answer` (a body sent
// as JSON, or a resolver). Lists filtered by a query parameter (view, date) answer only that one, and let the next
// handler answer the others. The bodies below are shaped as billing-service's controllers write them: ids are UUIDs,
// money is a JSON number (BigDecimal), instants ISO 8601.
import { http, type HttpResponseResolver } from "msw";
import type {
  Id, ImportAnswer, InvoiceDetail, InvoicePayment, InvoiceSummary, Journal, JournalLine, Mandate, MandateText, Page, Payment,
} from "../../api/billing";
import { problem, resolverOf, type Answer } from "../server";

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
  mandateText: (answer: Answer) => http.get(`${BILLING}/mandates/text`, resolverOf(answer)),
  /** The dossier's mandate; `null`: none (404, as billing-service says it). */
  currentMandate: (answer: Answer) => http.get(`${BILLING}/mandates/current`, answer === null
    ? () => problem(404, "Votre dossier n’a pas de mandat de prélèvement.", { slug: "mandat-introuvable" })
    : resolverOf(answer)),
  askMandate: (answer: Answer) => http.post(`${BILLING}/mandates`, resolverOf(answer)),
  mandateCode: (id: Id, answer: Answer) => http.post(`${BILLING}/mandates/${id}/code`, resolverOf(answer)),
  signMandate: (id: Id, answer: Answer) => http.post(`${BILLING}/mandates/${id}/signature`, resolverOf(answer)),
  changeBankDetails: (id: Id, answer: Answer) => http.post(`${BILLING}/mandates/${id}/bank-details`, resolverOf(answer)),
  revokeMandate: (id: Id, answer: Answer) => http.post(`${BILLING}/mandates/${id}/revocation`, resolverOf(answer)),

  /* Agents */
  importInvoices: (answer: Answer) => http.post(`${BILLING}/imports`, resolverOf(answer)),
  dossierInvoices: (number: string, answer: Answer) => http.get(`${BILLING}/dossiers/${number}/invoices`, resolverOf(answer)),
  cancelInvoice: (id: Id, answer: Answer) => http.post(`${BILLING}/invoices/${id}/cancellation`, resolverOf(answer)),
  journal: (date: string, answer: Answer) => http.get(`${BILLING}/payments`, when("date", date, answer)),
};

/* ----- The seed's invoice and its kin ----- */

/** An id as billing-service gives them: a UUID, its last digits `n` (« …000000000123 »). */
export const uuid = (n: number) => `5f0c2a8e-6b1d-4e3a-9c47-${String(n).padStart(12, "0")}`;

/** The seed's invoice's id. */
export const SEED_ID = uuid(123);

/** The seed's invoice of dossier 6000: DURAND Marie, Repas Enfants 4.40 × 10.00 = 44.00, Atelier 3D 0.75 × 10.00 = 7.50. */
export const SEED_INVOICE: InvoiceDetail = {
  id: SEED_ID, number: "2026-000123", dossierNumber: "6000", period: "Septembre 2026", issueDate: "2026-10-05",
  dueDate: "2026-10-31", total: 51.5, status: "TO_PAY", statusLabel: "À payer", payable: true,
  pdfPath: `/api/billing/invoices/${SEED_ID}/pdf`, plannedDebitDate: null,
  lines: [
    { beneficiary: "DURAND Marie", service: "Repas Enfants", label: "DURAND Marie – Repas Enfants", unitPrice: 4.4, quantity: 10, amount: 44 },
    { beneficiary: "DURAND Marie", service: "Atelier 3D", label: "DURAND Marie – Atelier 3D", unitPrice: 0.75, quantity: 10, amount: 7.5 },
  ],
  payment: null, cancellation: null,
};

/** An invoice summary: the seed's, with `changes` (a new id gives its own PDF's path). */
export const invoiceSummary = (changes: Partial<InvoiceSummary>): InvoiceSummary => {
  const { lines: _lines, ...summary } = SEED_INVOICE;
  const id = changes.id ?? summary.id;
  return { ...summary, pdfPath: `/api/billing/invoices/${id}/pdf`, ...changes };
};

/** How the seed's invoice was paid by card, as billing-service words it (`payment` of a PAID invoice). */
export const CARD_PAYMENT: InvoicePayment = {
  paidAt: "2026-10-05T14:00:00Z", method: "Carte bancaire en ligne", reference: "20261005-000012",
};

/** An invoice paid as `payment` says (`CARD_PAYMENT` by default), listed as billing-service lists it. */
export const paidSummary = (changes: Partial<InvoiceSummary> = {}, payment: InvoicePayment = CARD_PAYMENT): InvoiceSummary =>
  invoiceSummary({ status: "PAID", statusLabel: "Payée", payable: false, payment, ...changes });

/** An invoice an agent cancelled for `reason`, listed as billing-service lists it (never the agent's name in a list). */
export const cancelledSummary = (changes: Partial<InvoiceSummary> = {}, reason = "Facturée deux fois",
  cancelledAt = "2026-09-10T08:00:00Z"): InvoiceSummary =>
  invoiceSummary({
    status: "CANCELLED", statusLabel: "Annulée", payable: false, cancellation: { cancelledAt, reason, cancelledBy: null }, ...changes,
  });

/** A page of `items`, the first. */
export const pageOf = <T,>(items: T[], changes: Partial<Page<T>> = {}): Page<T> =>
  ({ items, page: 0, size: 20, total: items.length, ...changes });

/** The seed's payment's id. */
export const PAYMENT_ID = uuid(77);

/**
 * A payment of the seed's invoice by card, in progress, as GET /api/billing/payments/{id} gives it (no form): its
 * dossier 6000, the DURAND family, the bank in words.
 */
export const PAYMENT: Payment = {
  id: PAYMENT_ID, status: "IN_PROGRESS", statusLabel: "Paiement en cours",
  nextStep: "Nous attendons la confirmation de la banque. Cette page se met à jour d'elle-même ; "
    + "vous recevrez un courriel dès que le paiement sera confirmé.",
  amount: 51.5, provider: "SYSTEMPAY", providerLabel: "Carte bancaire (Systempay)",
  invoices: [{ id: SEED_ID, number: "2026-000123", period: "Septembre 2026", total: 51.5 }],
  createdAt: "2026-10-06T08:15:00Z", settledAt: null, reference: "20261006-000077", dossierNumber: "6000",
  familyName: "DURAND", form: null,
};

/** The payment once the bank answered, as billing-service words each status. */
export const PAID_PAYMENT: Payment = {
  ...PAYMENT, status: "PAID", statusLabel: "Paiement accepté", settledAt: "2026-10-06T08:16:30Z",
  nextStep: "Vos factures sont payées. Un reçu vous a été envoyé par courriel ; vous les retrouvez dans "
    + "« Consultez vos précédentes factures ».",
};
export const REFUSED_PAYMENT: Payment = {
  ...PAYMENT, status: "REFUSED", statusLabel: "Paiement refusé", settledAt: "2026-10-06T08:16:30Z",
  nextStep: "La banque a refusé le paiement et aucune somme n'a été prélevée. Vos factures sont de nouveau "
    + "à payer : vous pouvez réessayer, avec une autre carte si besoin.",
};
export const ABANDONED_PAYMENT: Payment = {
  ...PAYMENT, status: "ABANDONED", statusLabel: "Paiement abandonné", settledAt: "2026-10-06T08:45:00Z",
  nextStep: "Le paiement n'a pas été mené à son terme et aucune somme n'a été prélevée. Vos factures sont "
    + "de nouveau à payer : vous pouvez recommencer quand vous le souhaitez.",
};

/** A line of the « Journal des paiements »: the seed's payment, paid, with `changes`. */
export const journalLine = (changes: Partial<JournalLine> = {}): JournalLine => ({
  id: PAYMENT_ID, createdAt: "2026-10-06T08:15:00Z", settledAt: "2026-10-06T08:16:30Z", dossierNumber: "6000",
  familyName: "DURAND", invoiceNumbers: ["2026-000123"], amount: 51.5, provider: "SYSTEMPAY",
  providerLabel: "Carte bancaire (Systempay)", status: "PAID", statusLabel: "Paiement accepté",
  reference: "20261006-000077", bankStatus: "AUTHORISED", anomaly: null, ...changes,
});

/** A day's journal of `payments`; `paidCount` and `paidTotal` as billing-service counts them (given by the test). */
export const journalOf = (date: string, payments: JournalLine[], paidCount: number, paidTotal: number | string): Journal =>
  ({ date, payments, paidCount, paidTotal });

/** What POST /api/billing/imports answers when it created `numbers` (201). */
export const importedAnswer = (numbers: string[], alreadyImported = 0): ImportAnswer => ({
  created: numbers.length, alreadyImported, invoiceNumbers: numbers,
  message: `Import terminé : ${numbers.length} facture(s) créée(s), ${alreadyImported} déjà importée(s).`,
});

/** What it answers when every invoice of the batch had been imported before (200). */
export const alreadyImportedAnswer = (alreadyImported: number): ImportAnswer => ({
  created: 0, alreadyImported, invoiceNumbers: [], message: "Ce lot a déjà été importé : aucune facture ajoutée.",
});

/* ----- Direct debit: the mandate ----- */

/** The mandate's text as billing-service writes it with the default creditor (issue 12). */
export const MANDATE_TEXT: MandateText = {
  version: "2026-12-v1",
  creditorName: "Ville d'Ille-sur-Têt",
  creditorAddress: ["Service Facturation", "66130 Ille-sur-Têt"],
  creditorIdentifier: "FR03ZZZA12345",
  paragraphs: [
    "Mandat de prélèvement SEPA — paiement récurrent.",
    "Créancier : Ville d'Ille-sur-Têt, Service Facturation, 66130 Ille-sur-Têt. Identifiant créancier SEPA (ICS) : FR03ZZZA12345.",
    "En signant ce formulaire de mandat, vous autorisez Ville d'Ille-sur-Têt à envoyer des instructions à votre banque "
      + "pour débiter votre compte, et votre banque à débiter votre compte conformément aux instructions de "
      + "Ville d'Ille-sur-Têt, pour le paiement de vos factures.",
    "Vous bénéficiez d'un droit à remboursement par votre banque selon les conditions décrites dans la convention que "
      + "vous avez passée avec elle. Une demande de remboursement doit être présentée dans les 8 semaines suivant la "
      + "date de débit de votre compte pour un prélèvement autorisé.",
    "Vos droits concernant le présent mandat sont expliqués dans un document que vous pouvez obtenir auprès de votre banque.",
    "Vous signez ce mandat en saisissant le code envoyé à votre adresse électronique ; la date, l'heure, votre adresse "
      + "IP et cette version du texte (2026-12-v1) sont enregistrées.",
  ],
};

/** The mandate's id. */
export const MANDATE_ID = uuid(900);

/** A mandate of dossier 6000 waiting for its code (valid until 10:15 in Paris, 09:15 UTC), 5 tries. */
export const PENDING_MANDATE: Mandate = {
  id: MANDATE_ID, status: "PENDING_SIGNATURE", statusLabel: "En attente de signature", holderName: "Claire DURAND",
  addressLine: "12 rue des Lilas", postcode: "66130", city: "Ille-sur-Têt", maskedIban: "FR76 **** **** **** **** **** 189",
  bic: null, rum: null, textVersion: "2026-12-v1", codeExpiresAt: "2026-12-02T09:15:00Z", codeTriesLeft: 5, signedAt: null,
  pendingMaskedIban: null, amendedAt: null, revokedAt: null, creditorName: "Ville d'Ille-sur-Têt", creditorIdentifier: "FR03ZZZA12345",
};

/** The same mandate once signed (at 10:07 in Paris): « Actif », its RUM. */
export const ACTIVE_MANDATE: Mandate = {
  ...PENDING_MANDATE, status: "ACTIVE", statusLabel: "Actif", rum: "RCC-2026-7K3M9Q2X4B", codeExpiresAt: null,
  codeTriesLeft: null, signedAt: "2026-12-02T09:07:00Z",
};

/** The same mandate while a change of bank details waits for its code (valid until 11:15 in Paris), 5 tries. */
export const CHANGING_MANDATE: Mandate = {
  ...ACTIVE_MANDATE, pendingMaskedIban: "FR76 **** **** **** **** **** 606", codeExpiresAt: "2026-12-02T10:15:00Z", codeTriesLeft: 5,
};

/** The mandate once the change confirmed: the new IBAN, when it was changed (11:07 in Paris). */
export const AMENDED_MANDATE: Mandate = {
  ...ACTIVE_MANDATE, maskedIban: "FR76 **** **** **** **** **** 606", amendedAt: "2026-12-02T10:07:00Z",
};

/** The mandate once stopped by the family (at 11:30 in Paris). */
export const REVOKED_MANDATE: Mandate = {
  ...ACTIVE_MANDATE, status: "REVOKED", statusLabel: "Arrêté", revokedAt: "2026-12-02T10:30:00Z",
};
