package fr.portailfamille.events.dossier;

import fr.portailfamille.events.FamilyEvent;

/**
 * A request changed status (taken, accepted, refused, cancelled); the family is e-mailed at the
 * dossier's address with the agent's comment.
 */
public record RequestStatusChanged(
        String dossierNumber,
        long requestId,
        String requestType,
        String requestTypeLabel,
        String status,
        String statusLabel,
        String comment,
        String familyName,
        String email) implements FamilyEvent {
}
