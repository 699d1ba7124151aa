package fr.portailfamille.events.dossier;

import fr.portailfamille.events.PortalEvent;

/** A family filed a request (démarche) from « Mon dossier ». */
public record RequestSubmitted(
        String dossierNumber,
        long requestId,
        String requestType,
        String requestTypeLabel,
        String familyName,
        String email) implements PortalEvent {

    @Override
    public String subject() {
        return dossierNumber;
    }
}
