package fr.portailfamille.identity;

import fr.portailfamille.testsupport.FieldLabels;
import org.junit.jupiter.api.Test;

/**
 * Every field the API accepts has its French label ({@code field.<name>} in messages.properties), so that no
 * validation problem shown to people names a Java field.
 */
class FieldLabelsTest {

    @Test
    void every_field_of_every_request_has_a_french_label() {
        // The controllers' request bodies, model attributes and parameters are found by the check; the
        // extra names are those the service reports itself (ApiProblem.invalidField / onField).
        FieldLabels.verify(IdentityServiceApplication.class, "username", "email", "password", "passwordConfirmation", "currentPassword",
                "newEmail", "newPassword", "newPasswordConfirmation", "service");
    }
}
