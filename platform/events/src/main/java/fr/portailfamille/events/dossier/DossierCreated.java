package fr.portailfamille.events.dossier;

import fr.portailfamille.events.FamilyEvent;

/** An agent created a family dossier. */
public record DossierCreated(String dossierNumber, String familyName, String email) implements FamilyEvent {
}
