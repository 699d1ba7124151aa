package fr.portailfamille.events.identity;

import fr.portailfamille.events.PortalEvent;

/**
 * An account was activated on a dossier that had no other active account: nobody on the portal can be
 * told, so dossier-service, which knows the dossier's recorded e-mail, tells it (DossierAccountLinked).
 * No mail of its own.
 */
public record FirstAccountLinkedToDossier(
        String username,
        String firstName,
        String lastName,
        String dossierNumber) implements PortalEvent {

    @Override
    public String subject() {
        return username;
    }
}
