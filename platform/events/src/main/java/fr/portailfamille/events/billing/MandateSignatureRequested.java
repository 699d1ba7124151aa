package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.time.Instant;

/**
 * A family asked to sign a direct-debit mandate ({@code purpose} SIGNATURE) or to change its bank
 * details on it (BANK_DETAILS_CHANGE): the mail gives the one-time code that stands for its signature,
 * valid until {@code expiresAt} (10 minutes, 5 tries). Like an activation link, a short-lived secret
 * that only the account's mailbox must receive; never the full IBAN.
 */
public record MandateSignatureRequested(
        String dossierNumber,
        String mandateId,
        String purpose,
        String code,
        Instant expiresAt,
        String maskedIban,
        String creditorName,
        String familyName,
        String email) implements FamilyEvent {
}
