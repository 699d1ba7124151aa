package fr.portailfamille.events.dossier;

import fr.portailfamille.events.FamilyEvent;

import java.time.Instant;

/**
 * An account was linked to a dossier that had none (identity's FirstAccountLinkedToDossier): the
 * dossier's recorded e-mail ({@code email}), which the authority knows as the family's, is told. Whoever
 * holds an invoice (number + access key + family name) can link the first account; nobody else would
 * learn of it. The second and later accounts are told to the existing holders (AccountLinkedToDossier).
 *
 * @param accountName the first and last name the account was registered with
 * @param linkedAt    when the account was linked (identity's event time)
 */
public record DossierAccountLinked(
        String dossierNumber,
        String familyName,
        String email,
        String accountName,
        Instant linkedAt) implements FamilyEvent {
}
