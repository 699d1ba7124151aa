package fr.portailfamille.identity.registration;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** A draft's steps and lifetime, without Spring. */
class RegistrationTest {

    private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

    private static Registration draft() {
        Registration draft = new Registration("draft-id", NOW, NOW.plus(RegistrationService.DRAFT_LIFETIME));
        draft.personal(Registration.Civility.MADAME, "DURAND", "Claire", "claire@example.test", null,
                "claire.durand", "sealed-password", NOW);
        return draft;
    }

    @Test
    void the_steps_follow_the_wizard_and_going_back_to_the_dossier_keeps_the_step_reached() {
        Registration draft = draft();
        assertThat(draft.getStep()).isEqualTo(Registration.Step.DOSSIER);

        draft.dossier("6000", "DURAND", NOW);
        assertThat(draft.getStep()).isEqualTo(Registration.Step.CGU);
        draft.acceptCgu("2026-01", "203.0.113.7", NOW);
        assertThat(draft.getStep()).isEqualTo(Registration.Step.REVIEW);
        draft.dossier("6001", "DURAND", NOW);

        assertThat(draft.getStep()).isEqualTo(Registration.Step.REVIEW);
        assertThat(draft.getDossierNumber()).isEqualTo("6001");
    }

    @Test
    void a_change_of_step_one_without_a_password_keeps_the_one_given() {
        Registration draft = draft();

        draft.personal(Registration.Civility.MONSIEUR, "DURAND", "Paul", "paul@example.test", "0612345678",
                "paul.durand", null, NOW);

        assertThat(draft.getPasswordEncrypted()).isEqualTo("sealed-password");
        assertThat(draft.getFirstName()).isEqualTo("Paul");
    }

    @Test
    void once_submitted_the_password_is_erased() {
        Registration draft = draft();

        draft.submitted(42L, NOW);

        assertThat(draft.getStep()).isEqualTo(Registration.Step.SUBMITTED);
        assertThat(draft.getPasswordEncrypted()).isNull();
        assertThat(draft.getAccountId()).isEqualTo(42L);
    }

    @Test
    void a_draft_lives_seven_days() {
        Registration draft = draft();

        assertThat(draft.expiredAt(NOW.plus(Duration.ofDays(7)).minusSeconds(1))).isFalse();
        assertThat(draft.expiredAt(NOW.plus(Duration.ofDays(7)))).isTrue();
    }
}
