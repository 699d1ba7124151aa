package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A family signed its direct-debit mandate (or the change of its bank details) with the e-mailed code:
 * the mail « Votre mandat de prélèvement est actif » gives its RUM, the masked IBAN and the creditor.
 *
 * @param firstDebitDate the collection date of the mandate's first debit when one is already planned
 *                       (« Premier prélèvement prévu le 15/12/2026 »); {@code null} otherwise
 */
public record MandateActivated(
        String dossierNumber,
        String mandateId,
        String purpose,
        String rum,
        String maskedIban,
        String creditorName,
        String creditorIdentifier,
        Instant signedAt,
        String familyName,
        String email,
        LocalDate firstDebitDate) implements FamilyEvent {
}
