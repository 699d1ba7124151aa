package fr.portailfamille.messaging.catalogue;

import fr.portailfamille.messaging.MessagingApiSupport;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo agents of the real realm (deploy/keycloak + deploy/local/keycloak/demo-users.json) log in and
 * carry, in their {@code services} attribute (the token's claim), codes of the demo catalogue.
 */
@PortalServiceTest
class DemoAgentsTest extends MessagingApiSupport {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");

    @Test
    void the_agents_of_jeunesse_and_enfance_log_in_with_services_the_catalogue_knows() {
        for (List<String> agent : List.of(List.of("agent.jeunesse", "Agent-Jeunesse-2026", "jeunesse"),
                List.of("agent.enfance", "Agent-Enfance-2026", "enfance"))) {
            JsonNode user = KEYCLOAK.findUser(agent.get(0)).orElseThrow();

            assertThat(KEYCLOAK.passwordWorks(agent.get(0), agent.get(1))).as(agent.get(0)).isTrue();
            assertThat(KEYCLOAK.realmRoles(user.get("id").asString())).contains("agent");
            assertThat(user.at("/attributes/services").valueStream().map(JsonNode::asString))
                    .containsExactly(agent.get(2));
            assertThat(jdbc.sql("select active from department where code = ?").param(agent.get(2))
                    .query(Boolean.class).single()).isTrue();
        }
    }
}
