import { frenchDateTime } from "../../../format";

/** The steps of « Adhérez au prélèvement automatique », as the stepper names them. */
export const STEPS = ["Vos coordonnées bancaires", "Le mandat à signer", "Le code reçu par courriel"] as const;

/**
 * An IBAN as the family types it, written as on a RIB: upper case, by groups of 4 (« FR76 3000 6000 0112 3456 7890
 * 189 »); billing-service reads it grouped or not, and checks it.
 */
export const groupedIban = (typed: string) =>
  typed.replace(/[^0-9A-Za-z]/g, "").toUpperCase().substring(0, 34).replace(/(.{4})(?=.)/g, "$1 ");

/** The time of an instant in Paris, as the portal writes it (« 02/12/2026 à 10:15 » gives « 10:15 »). */
export const parisTime = (instant: string) => frenchDateTime(instant).split(" à ").pop() ?? "";

/** The steps of « Modifier mes coordonnées bancaires »: the new account, then the code that confirms it. */
export const CHANGE_STEPS = ["Vos nouvelles coordonnées bancaires", "Le code reçu par courriel"] as const;
