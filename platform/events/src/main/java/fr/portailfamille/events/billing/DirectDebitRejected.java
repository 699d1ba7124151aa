package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The bank rejected (or returned) the debit of an invoice: the invoice is « À payer » again, payable
 * online in « Facturation », while the dossier's next invoices stay under direct debit. The mail
 * « Votre prélèvement a été rejeté » gives the invoice, the amount, the planned collection date and the
 * reason in words; never the IBAN (the event has none).
 *
 * @param period         the invoice's period as people read it: « Septembre 2026 »
 * @param amount         the amount that was not debited, in euros, scale 2
 * @param collectionDate the day the file asked the bank to debit it
 * @param reasonCode     the ISO 20022 reason code the bank gave (AM04, AC04, MD06…)
 * @param reasonLabel    what the family reads: « Provision insuffisante », « Compte clôturé »...
 */
public record DirectDebitRejected(
        String dossierNumber,
        String invoiceId,
        String invoiceNumber,
        String period,
        BigDecimal amount,
        LocalDate collectionDate,
        String reasonCode,
        String reasonLabel,
        String familyName,
        String email) implements FamilyEvent {
}
