package fr.portailfamille.events.dossier;

import fr.portailfamille.events.FamilyEvent;

/** A family filed a request (démarche) from « Mon dossier ». */
public record RequestSubmitted(
        String dossierNumber,
        long requestId,
        String requestType,
        String requestTypeLabel,
        String familyName,
        String email) implements FamilyEvent {
}
