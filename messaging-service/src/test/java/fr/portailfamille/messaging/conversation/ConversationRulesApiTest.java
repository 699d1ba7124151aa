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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules around the main journeys: forms as browsers send them, answers with files, two agents at once. */
@PortalServiceTest
class ConversationRulesApiTest extends MessagingApiSupport {

    @Test
    void a_form_with_empty_file_inputs_sends_no_attachment_and_a_theme_that_is_not_a_number_is_named() {
        String dossier = newDossier();

        ApiClient.Response withEmptyInputs = startMultipart(family(dossier), "accueil", "Autre", new Multipart()
                .file("attachments", "", "application/octet-stream", new byte[0])
                .file("attachments", "", "application/octet-stream", new byte[0]));
        ApiClient.Response themeNotANumber = api().post("/api/messaging/conversations", family(dossier), new Multipart()
                .field("service", "accueil").field("theme", "autre").field("subject", "Horaires").field("body", "Bonjour"));

        assertThat(withEmptyInputs.status()).as(withEmptyInputs.toString()).isEqualTo(201);
        assertThat(withEmptyInputs.json().at("/messages/0/attachments")).isEmpty();
        assertThat(themeNotANumber.status()).isEqualTo(400);
        assertThat(themeNotANumber.json().at("/errors/0/field").asString()).isEqualTo("theme");
        assertThat(themeNotANumber.json().get("detail").asString())
                .isEqualTo("Certains champs sont invalides : « Thème » valeur illisible ou de mauvais type.");
    }

    @Test
    void a_familys_answer_with_attachments_tells_the_service_again_and_an_agents_fourth_attachment_is_refused() {
        String dossier = newDossier();
        long id = start(family(dossier), "enfance", "Autre", "Certificat médical", "Le voici bientôt.").get("id").asLong();

        ApiClient.Response answered = api().post("/api/messaging/conversations/" + id + "/messages", family(dossier),
                new Multipart().field("body", "Le voici.").file("attachments", "certificat.png", "image/png", SampleFiles.png()));
        Multipart four = new Multipart().field("body", "Quatre fichiers");
        for (int i = 0; i < 4; i++) {
            four.file("attachments", "f" + i + ".pdf", "application/pdf", SampleFiles.pdf());
        }
        ApiClient.Response tooMany = api().post("/api/messaging/agent/conversations/" + id + "/messages",
                agent("enfance"), four);

        assertThat(answered.status()).isEqualTo(201);
        assertThat(answered.json().at("/messages/1/attachments/0/fileName").asString()).isEqualTo("certificat.png");
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.json().get("detail").asString()).contains("« Pièces jointes »");
        assertThat(messagesOf(id)).isEqualTo(2);
        assertThat(statusOf(id)).isEqualTo("NEW");
        List<KafkaEvents.Received> sent = KafkaEvents.await(Topics.MESSAGING,
                r -> r.value().get("type").asString().endsWith("MessageSent")
                        && r.value().at("/data/conversationId").asLong() == id, 2, Duration.ofSeconds(30));
        assertThat(sent.stream().map(r -> r.value().at("/data/newConversation").asBoolean())).containsExactly(true, false);
    }

    @Test
    void two_agents_taking_the_same_conversation_at_once_get_it_once() throws Exception {
        String service = newService();
        long id = start(family(newDossier()), service, "Autre", "Question", "Bonjour").get("id").asLong();
        String first = agent(service);
        String second = keycloak.token(new fr.portailfamille.testsupport.TestKeycloak.Persona("deuxieme",
                "agent.deuxieme", "Agent Deuxième", "deuxieme@example.test", List.of("agent"), null, List.of(service)));
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> takes = new ArrayList<>();
        for (String agent : List.of(first, second)) {
            takes.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return api().post("/api/messaging/agent/conversations/" + id + "/take", agent, "").status();
            }));
        }

        start.countDown();
        List<Integer> statuses = takes.stream().map(CompletableFuture::join).toList();

        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        JsonNode seen = api().get("/api/messaging/agent/conversations/" + id, first).json();
        assertThat(seen.get("steps")).hasSize(1);
    }

    @Test
    void a_transfer_may_name_the_theme_at_the_new_service_and_needs_one_when_no_theme_has_the_same_name() {
        String to = newService();
        api().put("/api/messaging/admin/themes/" + themeId(to, "Inscriptions"), keycloak.admin(),
                "{\"name\": \"Inscriptions\", \"active\": false}");
        long id = start(family(newDossier()), "jeunesse", "Inscriptions", "Transfert", "Bonjour").get("id").asLong();
        String path = "/api/messaging/agent/conversations/" + id + "/transfer";

        ApiClient.Response noSameTheme = api().post(path, agent("jeunesse"),
                "{\"service\": \"" + to + "\", \"note\": \"Pour vous\"}");
        ApiClient.Response named = api().post(path, agent("jeunesse"),
                "{\"service\": \"" + to + "\", \"theme\": " + themeId(to, "Autre") + ", \"note\": \"Pour vous\"}");

        assertThat(noSameTheme.status()).isEqualTo(400);
        assertThat(noSameTheme.json().get("detail").asString()).contains("« Thème »").contains("n’a pas de thème « Inscriptions »");
        assertThat(named.status()).isEqualTo(200);
        assertThat(named.json().get("themeName").asString()).isEqualTo("Autre");
    }

    @Test
    void an_agent_of_several_services_gets_an_unread_count_for_each_and_lists_them_all() {
        String one = newService();
        String two = newService();
        String agent = agent(one, two);
        long a = start(family(newDossier()), one, "Autre", "Un", "Bonjour").get("id").asLong();
        long b = start(family(newDossier()), two, "Autre", "Deux", "Bonjour").get("id").asLong();
        start(family(newDossier()), two, "Inscriptions", "Trois", "Bonjour");

        JsonNode counts = api().get("/api/messaging/agent/unread-counts", agent).json();

        assertThat(counts.valueStream().map(c -> c.get("serviceCode").asString() + "=" + c.get("unread").asLong()))
                .containsExactlyInAnyOrder(one + "=1", two + "=2");
        assertThat(counts.valueStream().map(c -> c.get("serviceCode").asString() + "=" + c.get("unassigned").asLong()))
                .containsExactlyInAnyOrder(one + "=1", two + "=2");
        api().post("/api/messaging/agent/conversations/" + b + "/take", agent, "");
        api().post("/api/messaging/agent/conversations/" + a + "/close", agent, "");
        JsonNode after = api().get("/api/messaging/agent/unread-counts", agent).json();
        assertThat(after.valueStream().map(c -> c.get("serviceCode").asString() + "=" + c.get("unassigned").asLong()))
                .as("taken or closed: no longer waiting for someone").containsExactlyInAnyOrder(one + "=0", two + "=1");
        assertThat(counts.get(0).get("serviceName").asString()).startsWith("Service test ");
        JsonNode all = api().get("/api/messaging/agent/conversations?size=100", agent).json();
        assertThat(ids(all)).contains(a, b).hasSize(3);
    }
    @Test
    void the_reply_event_goes_to_the_latest_writer_first_with_the_address_each_account_had_at_its_latest_message() {
        String dossier = newDossier();
        String service = newService();
        String claireNewAddress = keycloak.token(new fr.portailfamille.testsupport.TestKeycloak.Persona(
                "famille-" + dossier, "famille." + dossier, "Claire DURAND", "claire.nouvelle@example.test",
                List.of("famille"), dossier, List.of()));
        long id = start(family(dossier), service, "Autre", "Adresses", "Bonjour").get("id").asLong();
        familyAnswers(otherGuardian(dossier), id, "Bonjour aussi.");
        familyAnswers(claireNewAddress, id, "J’ai changé d’adresse.");

        agentAnswers(agent(service), id, "Bien reçu.");

        List<KafkaEvents.Received> replied = KafkaEvents.await(Topics.MESSAGING,
                r -> r.value().get("type").asString().endsWith("MessageReplied")
                        && r.value().at("/data/conversationId").asLong() == id, 1, Duration.ofSeconds(30));
        assertThat(replied).hasSize(1);
        JsonNode data = replied.get(0).value().get("data");
        assertThat(data.get("email").asString()).isEqualTo("claire.nouvelle@example.test");
        assertThat(data.get("familyName").asString()).isEqualTo("Claire DURAND");
        assertThat(data.get("emails").valueStream().map(JsonNode::asString))
                .containsExactly("claire.nouvelle@example.test", "marc." + dossier + "@example.test");
    }
    @Test
    void a_reader_marks_a_conversation_unread_again_for_themself_only() {
        String service = newService();
        String dossier = newDossier();
        String family = family(dossier);
        String agent = agent(service);
        long id = start(family, service, "Autre", "Non lu", "Bonjour").get("id").asLong();
        agentAnswers(agent, id, "Réponse.");
        api().get("/api/messaging/conversations/" + id, family);
        assertThat(familyUnread(family)).isZero();
        assertThat(agentUnread(agent, service)).isZero();

        assertThat(api().post("/api/messaging/conversations/" + id + "/unread", family, "").status()).isEqualTo(204);
        assertThat(api().post("/api/messaging/agent/conversations/" + id + "/unread", agent, "").status()).isEqualTo(204);

        assertThat(familyUnread(family)).isEqualTo(1);
        assertThat(familyUnread(otherGuardian(dossier))).as("never opened by Marc: unread anyway").isEqualTo(1);
        assertThat(agentUnread(agent, service)).isEqualTo(1);
        assertThat(api().post("/api/messaging/conversations/" + id + "/unread", family(newDossier()), "").status())
                .isEqualTo(404);
        assertThat(api().post("/api/messaging/agent/conversations/" + id + "/unread", agent("jeunesse"), "").status())
                .isEqualTo(404);
    }
}
