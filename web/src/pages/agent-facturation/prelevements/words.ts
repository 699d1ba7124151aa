import type { CollectedDebit, SequenceType } from "../../../api/directDebit";
import { AGENT_BILLING } from "../AgentPage";

/** « 1 prélèvement », « 2 prélèvements ». */
export const plural = (count: number, word: string) => `${count} ${word}${count > 1 ? "s" : ""}`;

/** A debit's place in its mandate, as the file tells the bank. */
export const SEQUENCE_LABELS: Record<SequenceType, string> = {
  FRST: "Premier prélèvement (FRST)",
  RCUR: "Prélèvement suivant (RCUR)",
};

/** The DSFR badge of a debit: rejected in red, planned in blue. */
export const debitSeverity = (debit: CollectedDebit) => (debit.status === "REJECTED" ? "error" : "info");

/** Where the « Prélèvements automatiques » pages are, under the agents' billing. */
export const DIRECT_DEBITS_PATH = `${AGENT_BILLING}/prelevements`;
