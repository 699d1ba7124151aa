package fr.portailfamille.messaging.template;

import fr.portailfamille.messaging.MessagingApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** « Réponses types »: a service's agents write, list, change and delete them; another service's agents reach none. */
@PortalServiceTest
class AnswerTemplateApiTest extends MessagingApiSupport {

    private ApiClient.Response delete(String path, String token) {
        return api().send(api().request(path, token).DELETE());
    }

    private String titleOf(long id) {
        return jdbc.sql("select title from answer_template where id = ?").param(id).query(String.class).single();
    }

    @Test
    void a_services_agents_write_list_change_and_delete_its_templates() {
        String service = newService();
        String agent = agent(service);
        String path = "/api/messaging/agent/services/" + service + "/templates";

        ApiClient.Response created = api().post(path, agent, """
                {"title": "Pièces manquantes", "body": "Bonjour,\\nIl manque l’attestation d’assurance.\\nCordialement."}""");
        api().post(path, agent, "{\"title\": \"Accusé de réception\", \"body\": \"Nous avons bien reçu votre message.\"}");

        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        JsonNode listed = api().get(path, agent(service, "jeunesse")).json();
        assertThat(listed.valueStream().map(t -> t.get("title").asString()))
                .as("by title, for every agent of the service").containsExactly("Accusé de réception", "Pièces manquantes");
        assertThat(listed.get(1).get("body").asString()).isEqualTo("Bonjour,\nIl manque l’attestation d’assurance.\nCordialement.");

        ApiClient.Response changed = api().put("/api/messaging/agent/templates/" + id, agent,
                "{\"title\": \"Pièces manquantes (assurance)\", \"body\": \"Il manque l’attestation.\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(titleOf(id)).isEqualTo("Pièces manquantes (assurance)");

        ApiClient.Response empty = api().post(path, agent, "{\"title\": \"\", \"body\": \"x\"}");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().get("detail").asString()).contains("« Titre »");

        assertThat(delete("/api/messaging/agent/templates/" + id, agent).status()).isEqualTo(204);
        assertThat(api().get(path, agent).json().valueStream().map(t -> t.get("title").asString()))
                .containsExactly("Accusé de réception");
    }

    @Test
    void another_services_agent_reaches_none_of_them_and_nothing_changes() {
        String service = newService();
        String path = "/api/messaging/agent/services/" + service + "/templates";
        long id = api().post(path, agent(service), "{\"title\": \"Horaires\", \"body\": \"De 8 h à 18 h.\"}")
                .json().get("id").asLong();
        String outsider = agent("jeunesse");

        assertThat(api().get(path, outsider).status()).isEqualTo(404);
        assertThat(api().post(path, outsider, "{\"title\": \"Intrus\", \"body\": \"x\"}").status()).isEqualTo(404);
        assertThat(api().put("/api/messaging/agent/templates/" + id, outsider,
                "{\"title\": \"Piraté\", \"body\": \"x\"}").status()).isEqualTo(404);
        assertThat(delete("/api/messaging/agent/templates/" + id, outsider).status()).isEqualTo(404);
        assertThat(api().get(path, family(newDossier())).status()).isEqualTo(403);

        assertThat(titleOf(id)).isEqualTo("Horaires");
        assertThat(api().get(path, agent(service)).json()).hasSize(1);
    }
}
