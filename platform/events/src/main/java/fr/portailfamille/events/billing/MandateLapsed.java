package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.time.LocalDate;

/**
 * A direct-debit mandate was not used for 36 months and is no longer valid (the SEPA rulebook): its
 * invoices are to be paid online again. The mail « Votre mandat de prélèvement n'est plus valable »
 * gives its RUM and how to join direct debit again.
 *
 * @param lastDebitDate the collection date of its last debit; {@code null} when it was never debited
 */
public record MandateLapsed(
        String dossierNumber,
        String mandateId,
        String rum,
        LocalDate lastDebitDate,
        String familyName,
        String email) implements FamilyEvent {
}
