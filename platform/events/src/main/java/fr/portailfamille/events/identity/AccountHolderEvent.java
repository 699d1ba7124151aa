package fr.portailfamille.events.identity;

import fr.portailfamille.events.MailRecipient;
import fr.portailfamille.events.PortalEvent;

/**
 * An event about one account, e-mailed to its holder: keyed by the username, sent to its e-mail
 * and first and last name. A record implements it by having these four components.
 */
public interface AccountHolderEvent extends PortalEvent, MailRecipient {

    String username();

    String email();

    String firstName();

    String lastName();

    @Override
    default String subject() {
        return username();
    }

    @Override
    default String recipientEmail() {
        return email();
    }

    @Override
    default String recipientName() {
        return firstName() + " " + lastName();
    }
}
