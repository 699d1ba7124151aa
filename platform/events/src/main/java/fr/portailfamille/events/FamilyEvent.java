package fr.portailfamille.events;

/**
 * An event about one family's dossier, e-mailed (when it has a template) to the dossier's address:
 * keyed by the dossier number, sent to {@code email}, greeting {@code familyName}. A record
 * implements it by having these three components, as identity's account events do with
 * {@link fr.portailfamille.events.identity.AccountHolderEvent}.
 */
public interface FamilyEvent extends PortalEvent, MailRecipient {

    String dossierNumber();

    String familyName();

    String email();

    @Override
    default String subject() {
        return dossierNumber();
    }

    @Override
    default String recipientEmail() {
        return email();
    }

    @Override
    default String recipientName() {
        return familyName();
    }
}
