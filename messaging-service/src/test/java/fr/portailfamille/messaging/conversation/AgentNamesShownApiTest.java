package fr.portailfamille.messaging.conversation;

import fr.portailfamille.messaging.MessagingApiSupport;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** An authority that sets portal.messaging.show-agent-names: families read the agent's name beside the service's. */
@PortalServiceTest
@TestPropertySource(properties = "portal.messaging.show-agent-names=true")
class AgentNamesShownApiTest extends MessagingApiSupport {

    @Test
    void the_family_reads_the_service_and_the_agents_own_name_and_the_text_as_typed() {
        String family = family(newDossier());
        long id = start(family, "jeunesse", "Tarifs", "Tarif <b>réduit</b>", "<script>alert(1)</script> ?")
                .get("id").asLong();
        agentAnswers(agent("jeunesse"), id, "Voir la grille.");

        JsonNode seen = api().get("/api/messaging/conversations/" + id, family).json();

        assertThat(seen.at("/messages/1/authorName").asString()).isEqualTo("Service Jeunesse (Agent jeunesse)");
        assertThat(seen.at("/messages/1").has("authorUsername")).isFalse();
        assertThat(seen.get("subject").asString()).as("kept as text, never interpreted").isEqualTo("Tarif <b>réduit</b>");
        assertThat(seen.at("/messages/0/body").asString()).isEqualTo("<script>alert(1)</script> ?");
    }
}
