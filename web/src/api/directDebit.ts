// The agents' « Prélèvements automatiques » (billing-service's DirectDebitAgentController, ADR 005): export the SEPA
// direct-debit file (pain.008) of a collection date, list and download the files, type a rejection or import the
// bank's status report (pain.002), read the families' mandates. The types below are its answers: the contract the
// pages rely on. The family's own mandate is in ./billing.ts.
import type { Amount, Id, MandateStatus, Page } from "./billing";
import { getJson, send, sendForm } from "./http";

/* ----- The answers (the contract) ----- */

/** A direct-debit file in the list (`CollectionSummary`). */
export type CollectionSummary = {
  id: Id;
  /** The day the bank debits the families (yyyy-MM-dd). */
  collectionDate: string;
  /** The pain.008 version of the file: « pain.008.001.02 ». */
  version: string;
  /** When it was exported (ISO 8601), and by whom (the agent's username). */
  createdAt: string;
  createdBy: string;
  /** How many debits, and their sum (the file's control sum, a JSON number). */
  debitCount: number;
  controlSum: Amount;
  /** How many of its debits the bank rejected (typed by an agent or read in its report). */
  rejectedCount: number;
  /** The file's name, and where the gateway serves it (an XML attachment). */
  fileName: string;
  filePath: string;
};

/** « FRST » the first debit of a mandate, « RCUR » the next ones. */
export type SequenceType = "FRST" | "RCUR";

/** Where a debit of a file stands: sent to the bank, or rejected by it. */
export type DebitStatus = "SCHEDULED" | "REJECTED";

/** A debit of a file (`DebitView`): one invoice, one mandate. */
export type CollectedDebit = {
  /** The debit's reference in the file (EndToEndId), as the bank's report names it. */
  endToEndId: string;
  invoiceId: Id;
  invoiceNumber: string;
  dossierNumber: string;
  holderName: string;
  rum: string;
  /** « FR76 **** **** **** **** **** 189 ». */
  maskedIban: string;
  amount: Amount;
  sequenceType: SequenceType;
  /** The mandate's bank details changed since its previous debit (the file says so to the bank). */
  amended: boolean;
  status: DebitStatus;
  /** « Prélèvement prévu », « Rejeté ». */
  statusLabel: string;
  /** Why the bank rejected it, in French; null while not rejected. */
  rejectionReason: string | null;
  rejectedAt: string | null;
};

/**
 * A file with its debits (`CollectionDetail`): the answer of the export (201 a new file; 200 with `alreadyExported`
 * when that date had been exported: the same file, no invoice debited twice) and of GET …/collections/{id}.
 */
export type CollectionDetail = CollectionSummary & { alreadyExported: boolean; debits: CollectedDebit[] };

/** A reason an agent can type for a rejected debit (`ReasonView`): the bank's code and its French label. */
export type RejectionReason = { code: string; label: string };

/** What the import of the bank's status report did (`ReportOutcome`). */
export type StatusReportOutcome = {
  /** The file it answers. */
  collectionId: Id;
  collectionDate: string;
  /** The bank rejected the whole file. */
  wholeFileRejected: boolean;
  /** Debits rejected now, and those already rejected before (nothing more done for them). */
  rejected: number;
  alreadyRejected: number;
  /** References the report names that the file does not have. */
  unknown: string[];
};

/** A signed mandate in the agents' list (`MandateSummary`): never the full IBAN. */
export type AgentMandateSummary = {
  id: Id;
  dossierNumber: string;
  status: MandateStatus;
  /** « Actif », « Arrêté », « Caduc ». */
  statusLabel: string;
  holderName: string;
  maskedIban: string;
  bic: string | null;
  rum: string | null;
  signedAt: string | null;
  revokedAt: string | null;
  /** The collection date of its last debit (yyyy-MM-dd); null or absent when never debited. */
  lastCollectionDate?: string | null;
};

/** A mandate for an agent (`MandateDetail`): `iban` whole for the treasury's role (« tresorerie ») only, else null. */
export type AgentMandate = AgentMandateSummary & {
  addressLine: string;
  postcode: string;
  city: string;
  iban: string | null;
  textVersion?: string;
  amendedAt?: string | null;
};

/* ----- Query keys ----- */

export const directDebitKeys = {
  all: ["billing", "direct-debits"] as const,
  /** The lists of files (invalidated by an export, a rejection, a report), apart from each file's details. */
  collections: () => [...directDebitKeys.all, "collections"] as const,
  collectionList: (page: number) => [...directDebitKeys.collections(), page] as const,
  collectionDetails: () => [...directDebitKeys.all, "collection"] as const,
  collection: (id: Id) => [...directDebitKeys.collectionDetails(), String(id)] as const,
  reasons: () => [...directDebitKeys.all, "rejection-reasons"] as const,
  mandates: () => [...directDebitKeys.all, "mandates"] as const,
  mandateList: (dossier: string, page: number) => [...directDebitKeys.mandates(), "list", dossier, page] as const,
  mandate: (id: Id) => [...directDebitKeys.mandates(), "detail", String(id)] as const,
};

/* ----- Calls ----- */

const DIRECT_DEBITS = "/api/billing/direct-debits";
const id = (value: Id | string) => encodeURIComponent(String(value));

/**
 * « Exporter le fichier » of a collection date (yyyy-MM-dd): the file with its debits, new (201) or the one already
 * exported for that date (200, `alreadyExported`); 400 on field `collectionDate` (too early); 409 when no invoice is
 * to collect that day.
 */
export const exportCollection = (collectionDate: string) =>
  send<CollectionDetail>("POST", `${DIRECT_DEBITS}/collections`, { collectionDate });
/** The files, newest collection date first. */
export const fetchCollections = (page = 0, size = 20) =>
  getJson<Page<CollectionSummary>>(`${DIRECT_DEBITS}/collections?page=${page}&size=${size}`);
export const fetchCollection = (collectionId: Id) => getJson<CollectionDetail>(`${DIRECT_DEBITS}/collections/${id(collectionId)}`);
export const fetchRejectionReasons = () => getJson<RejectionReason[]>(`${DIRECT_DEBITS}/rejection-reasons`);
/** « Saisir un rejet »: the debit rejected; its invoice is payable online again and the family is told. */
export const rejectDebit = (collectionId: Id, endToEndId: string, reasonCode: string) =>
  send<CollectedDebit>("POST", `${DIRECT_DEBITS}/collections/${id(collectionId)}/debits/${id(endToEndId)}/rejection`, { reasonCode });

/** Imports the bank's status report (pain.002, multipart `file`); 400 on field `file` when unreadable. */
export function importStatusReport(file: File): Promise<StatusReportOutcome> {
  const form = new FormData();
  form.append("file", file);
  return sendForm<StatusReportOutcome>(`${DIRECT_DEBITS}/status-reports`, form);
}

/** Signed mandates, of one dossier (`dossier`) or all. */
export function fetchAgentMandates(dossier: string, page = 0, size = 20) {
  const filter = dossier.trim() === "" ? "" : `&dossier=${encodeURIComponent(dossier.trim())}`;
  return getJson<Page<AgentMandateSummary>>(`${DIRECT_DEBITS}/mandates?page=${page}&size=${size}${filter}`);
}
export const fetchAgentMandate = (mandateId: Id) => getJson<AgentMandate>(`${DIRECT_DEBITS}/mandates/${id(mandateId)}`);
