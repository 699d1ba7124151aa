package fr.portailfamille.messaging.conversation;

import fr.portailfamille.events.Topics;
import fr.portailfamille.messaging.MessagingApiSupport;
import fr.portailfamille.platform.uploads.SampleFiles;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents answer their services' conversations: inboxes, take, answer, transfer, close; never another service's. */
@PortalServiceTest
class AgentConversationApiTest extends MessagingApiSupport {

    private JsonNode inbox(String token, String query) {
        ApiClient.Response response = api().get("/api/messaging/agent/conversations?size=100&" + query, token);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void an_agent_sees_a_new_message_unread_in_non_attribues_takes_it_and_finds_it_in_les_miens() {
        String service = newService();
        String agent = agent(service);
        String colleague = keycloak.token(new fr.portailfamille.testsupport.TestKeycloak.Persona("collegue",
                "agent.collegue", "Paul COLLÈGUE", "collegue@example.test", List.of("agent"), null, List.of(service)));
        long id = start(family(newDossier()), service, "Inscriptions", "Séjour ski", "Reste-t-il des places ?")
                .get("id").asLong();

        JsonNode unassigned = inbox(agent, "service=" + service + "&box=UNASSIGNED");
        assertThat(ids(unassigned)).containsExactly(id);
        assertThat(unassigned.at("/items/0/unread").asBoolean()).isTrue();
        assertThat(unassigned.at("/items/0/statusLabel").asString()).isEqualTo("Nouveau");
        assertThat(agentUnread(agent, service)).isEqualTo(1);

        ApiClient.Response taken = api().post("/api/messaging/agent/conversations/" + id + "/take", agent, "");
        assertThat(taken.status()).as(taken.toString()).isEqualTo(200);
        assertThat(taken.json().get("status").asString()).isEqualTo("IN_PROGRESS");
        assertThat(taken.json().get("statusLabel").asString()).isEqualTo("En cours");
        assertThat(taken.json().get("assignedTo").asString()).isEqualTo("agent." + service);
        assertThat(ids(inbox(agent, "service=" + service + "&box=UNASSIGNED"))).isEmpty();
        assertThat(ids(inbox(agent, "service=" + service + "&box=MINE"))).containsExactly(id);
        assertThat(ids(inbox(colleague, "service=" + service + "&box=MINE"))).isEmpty();
        assertThat(ids(inbox(colleague, "service=" + service + "&box=ALL"))).containsExactly(id);
        assertThat(agentUnread(agent, service)).as("taking is not reading").isEqualTo(1);

        ApiClient.Response takenTwice = api().post("/api/messaging/agent/conversations/" + id + "/take", colleague, "");
        assertThat(takenTwice.status()).isEqualTo(409);
        assertThat(takenTwice.json().get("detail").asString()).contains("déjà prise en charge par Agent " + service);

        api().get("/api/messaging/agent/conversations/" + id, agent);
        assertThat(agentUnread(agent, service)).isZero();
        assertThat(agentUnread(colleague, service)).as("each agent reads for themself").isEqualTo(1);
    }

    @Test
    void the_inbox_filters_by_theme_and_status_and_finds_a_dossier_by_number_or_by_family_name_without_accents() {
        String service = newService();
        String agent = agent(service);
        String first = newDossier();
        long helene = start(familyNamed(first, "Hélène CŒUR-DURAND"), service, "Inscriptions", "Inscription",
                "Bonjour").get("id").asLong();
        long other = start(family(newDossier()), service, "Autre", "Question", "Bonjour").get("id").asLong();
        api().post("/api/messaging/agent/conversations/" + other + "/close", agent, "");

        assertThat(ids(inbox(agent, "service=" + service + "&theme=" + themeId(service, "Inscriptions"))))
                .containsExactly(helene);
        assertThat(ids(inbox(agent, "service=" + service + "&status=CLOSED"))).containsExactly(other);
        assertThat(ids(inbox(agent, "service=" + service + "&q=" + first))).containsExactly(helene);
        assertThat(ids(inbox(agent, "service=" + service + "&q=coeur-durand"))).containsExactly(helene);
        assertThat(ids(inbox(agent, "service=" + service + "&q=HELENE"))).containsExactly(helene);
        assertThat(ids(inbox(agent, "service=" + service + "&q=cour"))).isEmpty();
        assertThat(ids(inbox(agent, "service=" + service + "&q=%25"))).as("% is a character, not a wildcard").isEmpty();
        JsonNode firstPage = inbox(agent, "service=" + service).get("items");
        assertThat(ids(api().get("/api/messaging/agent/conversations?service=" + service + "&size=1&page=1", agent).json()))
                .containsExactly(firstPage.get(1).get("id").asLong());
        JsonNode page = api().get("/api/messaging/agent/conversations?service=" + service + "&size=1", agent).json();
        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("size").asInt()).isEqualTo(1);
        assertThat(ids(page)).as("newest first").containsExactly(other);
        assertThat(api().get("/api/messaging/agent/conversations?status=PERDU", agent).status()).isEqualTo(400);
        assertThat(api().get("/api/messaging/agent/conversations?size=1000", agent).status()).isEqualTo(400);
    }

    @Test
    void an_answer_is_signed_by_the_service_the_family_is_told_without_the_content_and_reads_it() {
        String service = newService();
        String dossier = newDossier();
        String family = family(dossier);
        long id = start(family, service, "Inscriptions", "Dossier complet ?", "Merci de vérifier.").get("id").asLong();
        familyAnswers(otherGuardian(dossier), id, "Je confirme.");

        ApiClient.Response answered = api().post("/api/messaging/agent/conversations/" + id + "/messages", agent(service),
                new Multipart().field("body", "Votre dossier est complet, secret 4242.")
                        .file("attachments", "recu.pdf", "application/pdf", SampleFiles.pdf()));

        assertThat(answered.status()).as(answered.toString()).isEqualTo(201);
        assertThat(answered.json().get("status").asString()).isEqualTo("ANSWERED");
        assertThat(answered.json().at("/messages/2/authorName").asString()).as("agents see who wrote")
                .isEqualTo("Agent " + service);
        assertThat(familyUnread(family)).isEqualTo(1);
        JsonNode received = familyBox(family, "RECEIVED");
        assertThat(ids(received)).containsExactly(id);
        assertThat(received.at("/items/0/statusLabel").asString()).isEqualTo("Répondu");
        JsonNode seen = api().get("/api/messaging/conversations/" + id, family).json();
        JsonNode answer = seen.at("/messages/2");
        assertThat(answer.get("from").asString()).isEqualTo("SERVICE");
        assertThat(answer.get("authorName").asString()).isEqualTo("Service test " + service);
        assertThat(answer.has("authorUsername")).isFalse();
        assertThat(answer.get("body").asString()).isEqualTo("Votre dossier est complet, secret 4242.");
        assertThat(answer.at("/attachments/0/fileName").asString()).isEqualTo("recu.pdf");
        assertThat(api().download(answer.at("/attachments/0/downloadUrl").asString(), family).body())
                .isEqualTo(SampleFiles.pdf());
        assertThat(familyUnread(family)).isZero();
        assertThat(familyBox(family, "RECEIVED").at("/items/0/unread").asBoolean()).isFalse();

        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.MESSAGING,
                r -> r.value().get("type").asString().equals("fr.portailfamille.messaging.MessageReplied")
                        && r.value().at("/data/conversationId").asLong() == id, 1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).key()).isEqualTo(dossier);
        JsonNode data = events.get(0).value().get("data");
        assertThat(data.get("serviceName").asString()).isEqualTo("Service test " + service);
        assertThat(data.get("dossierNumber").asString()).isEqualTo(dossier);
        assertThat(data.get("email").asString()).as("the last family writer").isEqualTo("marc." + dossier + "@example.test");
        assertThat(data.get("emails").valueStream().map(JsonNode::asString))
                .containsExactly("marc." + dossier + "@example.test", "famille." + dossier + "@example.test");
        assertThat(events.get(0).value().toString()).doesNotContain("4242").doesNotContain("Dossier complet");
    }

    @Test
    void a_closed_conversation_is_reopened_by_the_familys_answer() {
        String service = newService();
        String agent = agent(service);
        String family = family(newDossier());
        long id = start(family, service, "Autre", "Horaires", "Quels horaires ?").get("id").asLong();
        agentAnswers(agent, id, "De 8 h à 18 h.");

        ApiClient.Response closed = api().post("/api/messaging/agent/conversations/" + id + "/close", agent, "");
        ApiClient.Response closedAgain = api().post("/api/messaging/agent/conversations/" + id + "/close", agent, "");
        assertThat(closed.json().get("statusLabel").asString()).isEqualTo("Clos");
        assertThat(closedAgain.status()).isEqualTo(409);
        assertThat(api().post("/api/messaging/agent/conversations/" + id + "/take", agent, "").status()).isEqualTo(409);

        ApiClient.Response reopened = familyAnswers(family, id, "Et le samedi ?");

        assertThat(reopened.status()).isEqualTo(201);
        assertThat(reopened.json().get("status").asString()).as("the agent who answered still has it")
                .isEqualTo("IN_PROGRESS");
        JsonNode seenByAgent = api().get("/api/messaging/agent/conversations/" + id, agent).json();
        assertThat(seenByAgent.get("steps").valueStream().map(s -> s.get("kind").asString()))
                .containsExactly("CLOSED", "REOPENED");
        assertThat(ids(inbox(agent, "service=" + service + "&box=MINE&status=IN_PROGRESS"))).containsExactly(id);
        assertThat(agentUnread(agent, service)).isZero();
        familyAnswers(family, id, "Merci d’avance.");
        assertThat(agentUnread(agent, service)).isEqualTo(1);
    }

    @Test
    void a_transfer_sends_the_conversation_to_another_service_with_a_note_and_the_family_sees_the_new_service() {
        String from = newService();
        String to = newService();
        String family = family(newDossier());
        long id = start(family, from, "Inscriptions", "Inscription cantine", "Bonjour").get("id").asLong();
        api().post("/api/messaging/agent/conversations/" + id + "/take", agent(from), "");

        ApiClient.Response sameService = api().post("/api/messaging/agent/conversations/" + id + "/transfer", agent(from),
                "{\"service\": \"" + from + "\", \"note\": \"Pour vous\"}");
        ApiClient.Response noNote = api().post("/api/messaging/agent/conversations/" + id + "/transfer", agent(from),
                "{\"service\": \"" + to + "\", \"note\": \" \"}");
        ApiClient.Response unknown = api().post("/api/messaging/agent/conversations/" + id + "/transfer", agent(from),
                "{\"service\": \"piscine\", \"note\": \"Pour vous\"}");
        ApiClient.Response transferred = api().post("/api/messaging/agent/conversations/" + id + "/transfer", agent(from),
                "{\"service\": \"" + to + "\", \"note\": \"La cantine relève de votre service.\"}");

        assertThat(sameService.status()).isEqualTo(400);
        assertThat(sameService.json().get("detail").asString()).contains("« Service »");
        assertThat(noNote.status()).isEqualTo(400);
        assertThat(noNote.json().get("detail").asString()).contains("« Note »");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(transferred.status()).as(transferred.toString()).isEqualTo(200);
        assertThat(transferred.json().get("serviceCode").asString()).isEqualTo(to);
        assertThat(transferred.json().get("themeName").asString()).as("the theme of the same name").isEqualTo("Inscriptions");
        assertThat(transferred.json().get("statusLabel").asString()).isEqualTo("Nouveau");
        assertThat(transferred.json().has("assignedTo")).isFalse();
        assertThat(api().get("/api/messaging/agent/conversations/" + id, agent(from)).status())
                .as("the former service no longer reaches it").isEqualTo(404);
        JsonNode atNewService = api().get("/api/messaging/agent/conversations/" + id, agent(to)).json();
        assertThat(atNewService.at("/steps/1/kind").asString()).isEqualTo("TRANSFERRED");
        assertThat(atNewService.at("/steps/1/note").asString()).isEqualTo("La cantine relève de votre service.");
        assertThat(atNewService.at("/steps/1/fromServiceName").asString()).isEqualTo("Service test " + from);
        assertThat(ids(inbox(agent(to), "service=" + to + "&box=UNASSIGNED"))).containsExactly(id);
        JsonNode seenByFamily = api().get("/api/messaging/conversations/" + id, family).json();
        assertThat(seenByFamily.get("serviceName").asString()).isEqualTo("Service test " + to);
        assertThat(seenByFamily.toString()).doesNotContain("La cantine relève");
        assertThat(familyBox(family, "SENT").at("/items/0/serviceName").asString()).isEqualTo("Service test " + to);
    }

    @Test
    void an_agent_of_another_service_does_not_reach_the_conversation_and_nothing_changes() {
        String service = newService();
        String outsider = agent("jeunesse");
        long id = start(family(newDossier()), service, "Inscriptions", "Question", "Bonjour").get("id").asLong();
        long fileId = jdbc.sql("select coalesce(max(id), 0) from stored_file").query(Long.class).single();
        String path = "/api/messaging/agent/conversations/" + id;

        List<Integer> statuses = List.of(
                api().get(path, outsider).status(),
                agentAnswers(outsider, id, "Intrusion").status(),
                api().post(path + "/take", outsider, "").status(),
                api().post(path + "/close", outsider, "").status(),
                api().post(path + "/transfer", outsider, "{\"service\": \"jeunesse\", \"note\": \"À moi\"}").status(),
                api().download(path + "/attachments/" + fileId, outsider).statusCode());

        assertThat(statuses).containsOnly(404);
        assertThat(ids(inbox(outsider, "box=ALL&q="))).doesNotContain(id);
        assertThat(api().get("/api/messaging/agent/conversations?service=" + service, outsider).status()).isEqualTo(403);
        assertThat(messagesOf(id)).isEqualTo(1);
        assertThat(statusOf(id)).isEqualTo("NEW");
        JsonNode seen = api().get(path, agent(service)).json();
        assertThat(seen.has("assignedTo")).isFalse();
        assertThat(seen.get("serviceCode").asString()).isEqualTo(service);
        assertThat(api().get(path, family(newDossier())).status()).as("a family on the agents' side").isEqualTo(403);
    }
}
