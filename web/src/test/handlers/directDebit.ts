// billing-service's agents' « Prélèvements automatiques » endpoints, one handler each, named as in api/directDebit.ts;
// the bodies shaped as DirectDebitAgentController writes them (money a JSON number, instants ISO 8601).
import { http } from "msw";
import type {
  AgentMandate, AgentMandateSummary, CollectedDebit, CollectionDetail, CollectionSummary, RejectionReason,
} from "../../api/directDebit";
import { resolverOf, type Answer } from "../server";
import { uuid } from "./billing";

const DIRECT_DEBITS = "/api/billing/direct-debits";

export const directDebit = {
  exportCollection: (answer: Answer) => http.post(`${DIRECT_DEBITS}/collections`, resolverOf(answer)),
  collections: (answer: Answer) => http.get(`${DIRECT_DEBITS}/collections`, resolverOf(answer)),
  collection: (id: string, answer: Answer) => http.get(`${DIRECT_DEBITS}/collections/${id}`, resolverOf(answer)),
  reasons: (answer: Answer) => http.get(`${DIRECT_DEBITS}/rejection-reasons`, resolverOf(answer)),
  reject: (id: string, endToEndId: string, answer: Answer) =>
    http.post(`${DIRECT_DEBITS}/collections/${id}/debits/${endToEndId}/rejection`, resolverOf(answer)),
  statusReport: (answer: Answer) => http.post(`${DIRECT_DEBITS}/status-reports`, resolverOf(answer)),
  mandates: (answer: Answer) => http.get(`${DIRECT_DEBITS}/mandates`, resolverOf(answer)),
  mandate: (id: string, answer: Answer) => http.get(`${DIRECT_DEBITS}/mandates/${id}`, resolverOf(answer)),
};

export const COLLECTION_ID = uuid(700);

/** The file of 15/12/2026: 2 debits, 51,50 € and 0,10 €. */
export const COLLECTION: CollectionSummary = {
  id: COLLECTION_ID, collectionDate: "2026-12-15", version: "pain.008.001.02", createdAt: "2026-12-02T09:20:00Z",
  createdBy: "regisseur", debitCount: 2, controlSum: 51.6, rejectedCount: 0,
  fileName: "prelevements-2026-12-15.xml", filePath: `/api/billing/direct-debits/collections/${COLLECTION_ID}/file`,
};

/** The seed's invoice debited for the first time from Claire DURAND's mandate. */
export const FIRST_DEBIT: CollectedDebit = {
  endToEndId: "PF-2026-000123", invoiceId: uuid(123), invoiceNumber: "2026-000123", dossierNumber: "6000",
  holderName: "Claire DURAND", rum: "RCC-2026-7K3M9Q2X4B", maskedIban: "FR76 **** **** **** **** **** 189", amount: 51.5,
  sequenceType: "FRST", amended: false, status: "SCHEDULED", statusLabel: "Prélèvement prévu", rejectionReason: null,
  rejectedAt: null,
};

/** Another dossier's invoice, a mandate already debited, its bank details changed since. */
export const NEXT_DEBIT: CollectedDebit = {
  endToEndId: "PF-2026-000201", invoiceId: uuid(201), invoiceNumber: "2026-000201", dossierNumber: "6001",
  holderName: "Paul MARTIN", rum: "RCC-2026-AAAA1111BB", maskedIban: "FR76 **** **** **** **** **** 606", amount: 0.1,
  sequenceType: "RCUR", amended: true, status: "SCHEDULED", statusLabel: "Prélèvement prévu", rejectionReason: null,
  rejectedAt: null,
};

export const collectionDetail = (changes: Partial<CollectionDetail> = {}): CollectionDetail =>
  ({ ...COLLECTION, alreadyExported: false, debits: [FIRST_DEBIT, NEXT_DEBIT], ...changes });

export const REASONS: RejectionReason[] = [
  { code: "AC04", label: "Compte clôturé" },
  { code: "AM04", label: "Provision insuffisante" },
  { code: "MD01", label: "Pas de mandat" },
];

export const AGENT_MANDATE_ID = uuid(900);

export const AGENT_MANDATE_SUMMARY: AgentMandateSummary = {
  id: AGENT_MANDATE_ID, dossierNumber: "6000", status: "ACTIVE", statusLabel: "Actif", holderName: "Claire DURAND",
  maskedIban: "FR76 **** **** **** **** **** 189", bic: null, rum: "RCC-2026-7K3M9Q2X4B", signedAt: "2026-12-02T09:07:00Z",
  revokedAt: null, lastCollectionDate: "2026-12-15",
};

export const AGENT_MANDATE: AgentMandate = {
  ...AGENT_MANDATE_SUMMARY, addressLine: "12 rue des Lilas", postcode: "66130", city: "Ille-sur-Têt", iban: null,
  amendedAt: null,
};
