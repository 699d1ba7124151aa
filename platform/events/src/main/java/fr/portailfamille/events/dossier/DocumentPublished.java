package fr.portailfamille.events.dossier;

import fr.portailfamille.events.FamilyEvent;

/**
 * An agent made a document available to a family (« Mes documents »); the family is e-mailed at
 * the dossier's address. The file itself stays in dossier-service.
 */
public record DocumentPublished(
        String dossierNumber,
        long documentId,
        String documentType,
        String documentTypeLabel,
        String title,
        String familyName,
        String email) implements FamilyEvent {
}
