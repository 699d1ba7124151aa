package fr.portailfamille.identity.password;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The password rules checked before Keycloak sees a password, without Spring. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    private Optional<String> check(String password) {
        return policy.violation(password, "claire.durand", "claire@example.test");
    }

    @Test
    void twelve_characters_at_least() {
        assertThat(check("Prades-2026")).as("11 characters").contains("password.too-short");
        assertThat(check("Prades-20266")).as("12 characters").isEmpty();
        assertThat(check("")).contains("password.too-short");
    }

    @Test
    void one_hundred_and_twenty_eight_at_most() {
        assertThat(check("P".repeat(127) + "1")).as("128 characters").isEmpty();
        assertThat(check("P".repeat(128) + "1")).as("129 characters").contains("password.too-long");
    }

    @Test
    void never_the_identifiant_inside_whatever_the_case() {
        assertThat(check("x-Claire.Durand-2026")).contains("password.username");
        assertThat(policy.violation("Vacances-Prades-2026", "prades", "claire@example.test"))
                .contains("password.username");
        assertThat(policy.violation("Vacances-Prades-2026", null, null)).as("no identifiant yet").isEmpty();
        assertThat(policy.violation("Vacances-Prades-2026", " ", "")).isEmpty();
    }

    @Test
    void never_the_email_inside() {
        assertThat(policy.violation("CLAIRE@example.test!", "cdurand", "claire@example.test"))
                .contains("password.email");
    }

    @Test
    void the_identifiant_is_reported_before_the_email_when_it_is_both() {
        assertThat(policy.violation("claire@example.test-2026", "claire@example.test", "claire@example.test"))
                .contains("password.username");
    }

    @Test
    void not_a_common_password_of_the_realm_blacklist_whatever_the_case() {
        assertThat(check("123456789012")).contains("password.common");
        assertThat(check("AZERTYAZERTY")).contains("password.common");
        assertThat(check("azertyazerty1")).as("not in the list").isEmpty();
    }

    @Test
    void length_comes_first() {
        assertThat(check("claire")).as("short and the identifiant: the length is said").contains("password.too-short");
    }
}
