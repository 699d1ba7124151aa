package fr.portailfamille.identity.keycloak;

import fr.portailfamille.testsupport.KeycloakServer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

/**
 * Issue 13, item 11: Keycloak keeps its login and admin events for 90 days, on the real Keycloak with the
 * realm as deployed: a failed login and an account created by an admin are both found afterwards.
 */
class RealmEventsTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final long NINETY_DAYS = 90L * 24 * 3600;

    @Test
    void login_and_admin_events_are_recorded_and_kept_ninety_days() {
        JsonNode config = KEYCLOAK.adminRead("/events/config");
        assertThat(config.get("eventsEnabled").asBoolean()).isTrue();
        assertThat(config.get("adminEventsEnabled").asBoolean()).isTrue();
        assertThat(config.get("eventsExpiration").asLong()).isEqualTo(NINETY_DAYS);

        String username = "evenements" + System.nanoTime() % 1_000_000_000L;
        KEYCLOAK.createFamilyAccount(username, "Evenements-Compte-2026", "6000");
        String id = KEYCLOAK.findUser(username).orElseThrow().get("id").asString();
        assertThat(KEYCLOAK.passwordWorks(username, "pas-le-bon-mot-de-passe")).isFalse();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(KEYCLOAK.adminRead("/events?type=LOGIN_ERROR&user=" + id)).isNotEmpty();
            assertThat(KEYCLOAK.adminRead("/admin-events?resourcePath=users/" + id)).isNotEmpty();
        });
    }
}
