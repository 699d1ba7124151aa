package fr.portailfamille.dossier.request;

import fr.portailfamille.events.Topics;
import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PortalServiceTest
class RequestApiTest extends DossierApiSupport {

    private long certificateRequest(String number) {
        ApiClient.Response filed = api().post("/api/dossier/dossiers/" + number + "/requests", keycloak.family(number), """
                {"type":"CERTIFICATE","description":"Attestation de paiement 2026 pour la CAF"}""");
        assertThat(filed.status()).as(filed.toString()).isEqualTo(201);
        return filed.json().get("id").asLong();
    }

    private JsonNode requests(String number) {
        return api().get("/api/dossier/dossiers/" + number + "/requests", keycloak.family(number)).json();
    }

    @Test
    void a_family_files_a_request_and_sees_it_envoyee_and_the_event_is_published() {
        String number = dossier();

        long id = certificateRequest(number);

        JsonNode request = requests(number).get(0);
        assertThat(request.get("id").asLong()).isEqualTo(id);
        assertThat(request.get("typeLabel").asString()).isEqualTo("Demande d'attestation");
        assertThat(request.get("statusLabel").asString()).isEqualTo("Envoyée");
        assertThat(request.get("history")).hasSize(1);
        assertThat(KafkaEvents.await(Topics.DOSSIER, r -> number.equals(r.key())
                && r.value().get("type").asString().endsWith("RequestSubmitted"), 1, Duration.ofSeconds(30))).hasSize(1);
    }

    @Test
    void an_agent_takes_then_accepts_and_the_history_keeps_each_step_with_the_comment() {
        String number = dossier();
        long id = certificateRequest(number);
        String agent = keycloak.agent("jeunesse");

        assertThat(api().post("/api/dossier/requests/" + id + "/take", agent, "").status()).isEqualTo(200);
        ApiClient.Response accepted = api().post("/api/dossier/requests/" + id + "/accept", agent, """
                {"comment":"Attestation déposée dans vos documents."}""");

        assertThat(accepted.status()).isEqualTo(200);
        JsonNode request = requests(number).get(0);
        assertThat(request.get("statusLabel").asString()).isEqualTo("Acceptée");
        assertThat(request.get("history")).extracting(step -> step.get("statusLabel").asString())
                .containsExactly("Envoyée", "En cours de traitement", "Acceptée");
        assertThat(request.at("/history/2/comment").asString()).isEqualTo("Attestation déposée dans vos documents.");
        assertThat(request.at("/history/2/changedBy").isNull()).as("families do not see agents' names").isTrue();
        List<KafkaEvents.Received> changes = KafkaEvents.await(Topics.DOSSIER, r -> number.equals(r.key())
                && r.value().get("type").asString().endsWith("RequestStatusChanged"), 2, Duration.ofSeconds(30));
        assertThat(changes).extracting(r -> r.value().at("/data/status").asString()).containsExactly("IN_PROGRESS", "ACCEPTED");
        assertThat(changes.get(1).value().at("/data/email").asString()).isEqualTo("durand." + number + "@example.test");
    }

    @Test
    void a_family_cancels_a_request_not_yet_processed_but_not_one_in_progress() {
        String number = dossier();
        long first = certificateRequest(number);
        long second = certificateRequest(number);
        api().post("/api/dossier/requests/" + second + "/take", keycloak.agent("jeunesse"), "");

        ApiClient.Response cancelled = api().post("/api/dossier/requests/" + first + "/cancel", keycloak.family(number), "");
        ApiClient.Response tooLate = api().post("/api/dossier/requests/" + second + "/cancel", keycloak.family(number), "");

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("statusLabel").asString()).isEqualTo("Annulée");
        assertThat(tooLate.status()).isEqualTo(409);
        assertThat(tooLate.json().get("detail").asString())
                .isEqualTo("La démarche « Demande d'attestation » est « En cours de traitement » : elle ne peut plus passer à « Annulée ».");
    }

    @Test
    void accepting_a_cancelled_request_gets_409_and_changes_nothing() {
        String number = dossier();
        long id = certificateRequest(number);
        api().post("/api/dossier/requests/" + id + "/cancel", keycloak.family(number), "");

        ApiClient.Response accepted = api().post("/api/dossier/requests/" + id + "/accept", keycloak.agent("jeunesse"), "{}");

        assertThat(accepted.status()).isEqualTo(409);
        assertThat(requests(number).get(0).get("statusLabel").asString()).isEqualTo("Annulée");
        assertThat(requests(number).get(0).get("history")).hasSize(2);
    }

    @Test
    void refusing_needs_a_comment() {
        String number = dossier();
        long id = certificateRequest(number);

        ApiClient.Response refused = api().post("/api/dossier/requests/" + id + "/refuse", keycloak.agent("jeunesse"), """
                {"comment":" "}""");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("commentaire obligatoire");
        assertThat(requests(number).get(0).get("statusLabel").asString()).isEqualTo("Envoyée");
    }

    @Test
    void another_family_can_neither_see_nor_cancel_nor_file_and_a_family_cannot_decide() {
        String number = dossier();
        long id = certificateRequest(number);
        String intruder = keycloak.family("9997");

        assertThat(api().get("/api/dossier/dossiers/" + number + "/requests", intruder).status()).isEqualTo(404);
        assertThat(api().post("/api/dossier/requests/" + id + "/cancel", intruder, "").status()).isEqualTo(404);
        assertThat(api().post("/api/dossier/dossiers/" + number + "/requests", intruder, """
                {"type":"CERTIFICATE","description":"x"}""").status()).isEqualTo(404);
        assertThat(api().post("/api/dossier/requests/" + id + "/accept", keycloak.family(number), "{}").status())
                .isEqualTo(403);
        assertThat(requests(number)).hasSize(1);
        assertThat(requests(number).get(0).get("statusLabel").asString()).isEqualTo("Envoyée");
    }

    @Test
    void a_contact_details_change_is_not_filed_by_hand_but_recorded_as_accepted_when_applied() {
        String number = dossier();

        ApiClient.Response byHand = api().post("/api/dossier/dossiers/" + number + "/requests", keycloak.family(number), """
                {"type":"CONTACT_DETAILS_CHANGE","description":"x"}""");
        ApiClient.Response applied = api().put("/api/dossier/dossiers/" + number + "/contact-details", keycloak.family(number), """
                {"email":"nouvelle@example.test","phone":"0612345678"}""");

        assertThat(byHand.status()).isEqualTo(400);
        assertThat(applied.status()).isEqualTo(200);
        JsonNode request = requests(number).get(0);
        assertThat(request.get("typeLabel").asString()).isEqualTo("Modification de coordonnées");
        assertThat(request.get("statusLabel").asString()).isEqualTo("Acceptée");
    }

    @Test
    void an_unknown_type_or_an_empty_description_gets_400_naming_the_field() {
        String number = dossier();

        ApiClient.Response unknown = api().post("/api/dossier/dossiers/" + number + "/requests", keycloak.family(number), """
                {"type":"PIZZA","description":"x"}""");
        ApiClient.Response empty = api().post("/api/dossier/dossiers/" + number + "/requests", keycloak.family(number), """
                {"type":"CERTIFICATE","description":""}""");

        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("« Type »").doesNotContain("« type »");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/errors/0/field").asString()).isEqualTo("description");
    }
}
