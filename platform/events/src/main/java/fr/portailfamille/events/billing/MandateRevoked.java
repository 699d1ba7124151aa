package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.time.Instant;

/**
 * A family stopped direct debit (« Arrêter le prélèvement »): its mandate is revoked. The mail « Le
 * prélèvement automatique est arrêté » says that invoices are paid online from the next file on, and
 * that an invoice already in a file sent to the bank is still debited.
 */
public record MandateRevoked(
        String dossierNumber,
        String mandateId,
        String rum,
        Instant revokedAt,
        String familyName,
        String email) implements FamilyEvent {
}
