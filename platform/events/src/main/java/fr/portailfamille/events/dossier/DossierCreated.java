package fr.portailfamille.events.dossier;

import fr.portailfamille.events.PortalEvent;

/** An agent created a family dossier. */
public record DossierCreated(String dossierNumber, String familyName, String email) implements PortalEvent {

    @Override
    public String subject() {
        return dossierNumber;
    }
}
