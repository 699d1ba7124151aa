package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.time.Instant;

/**
 * A family signed its direct-debit mandate (or the change of its bank details) with the e-mailed code:
 * the mail « Votre mandat de prélèvement est actif » gives its RUM, the masked IBAN and the creditor.
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
        String email) implements FamilyEvent {
}
