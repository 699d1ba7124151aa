package fr.portailfamille.identity.link;

import java.time.Duration;

/** What a single-use link does, and how long it can be opened after it was sent. */
public enum LinkPurpose {

    /** « Activez votre compte »: 48 hours. */
    ACTIVATION(Duration.ofHours(48)),
    /** « Mot de passe oublié »: one hour. */
    PASSWORD_RESET(Duration.ofHours(1)),
    /** A new e-mail address proves it is the family's: 24 hours. */
    EMAIL_CHANGE(Duration.ofHours(24));

    private final Duration validity;

    LinkPurpose(Duration validity) {
        this.validity = validity;
    }

    public Duration validity() {
        return validity;
    }
}
