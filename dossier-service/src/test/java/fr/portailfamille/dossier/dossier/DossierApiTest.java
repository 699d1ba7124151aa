package fr.portailfamille.dossier.dossier;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.FieldLabels;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.StandardServiceChecks;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@PortalServiceTest
class DossierApiTest extends DossierApiSupport implements StandardServiceChecks {

    @Autowired
    JdbcClient jdbc;

    @Override
    public String protectedPath() {
        return "/api/dossier/dossiers/6000";
    }

    private String createDossier(String number) {
        ApiClient.Response created = api().post("/api/dossier/dossiers", keycloak.agent("jeunesse"), """
                {"number":"%s","familyName":"DURAND","email":"durand.%s@example.test","phone":"06 12 34 56 78"}
                """.formatted(number, number));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return number;
    }

    private long outboxRows(String number) {
        return jdbc.sql("select count(*) from outbox_event where event_key = :key").param("key", number)
                .query(Long.class).single();
    }

    @Test
    void an_agent_creates_a_dossier_and_dossier_created_reaches_kafka() {
        String number = createDossier(newNumber());

        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.DOSSIER,
                r -> number.equals(r.key()) && r.value().get("type").asString().endsWith("DossierCreated"),
                1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        JsonNode envelope = events.get(0).value();
        assertThat(envelope.get("specversion").asString()).isEqualTo("1.0");
        assertThat(envelope.get("type").asString()).isEqualTo("fr.portailfamille.dossier.DossierCreated");
        assertThat(envelope.get("source").asString()).isEqualTo("/portail-famille/dossier-service");
        assertThat(envelope.get("subject").asString()).isEqualTo(number);
        assertThat(envelope.get("time").asString()).endsWith("Z");
        assertThat(envelope.at("/data/familyName").asString()).isEqualTo("DURAND");
        assertThat(envelope.at("/data/email").asString()).isEqualTo("durand." + number + "@example.test");
    }

    @Test
    void the_family_reads_its_dossier_with_audit_of_who_changed_it() {
        String number = createDossier(newNumber());

        ApiClient.Response response = api().get("/api/dossier/dossiers/" + number, keycloak.family(number));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("familyName").asString()).isEqualTo("DURAND");
        assertThat(response.json().get("phone").asString()).isEqualTo("+33612345678");
        assertThat(response.json().get("updatedBy").asString()).isEqualTo("agent.jeunesse");
    }

    @Test
    void another_family_gets_404_for_a_dossier_that_is_not_theirs_and_changes_nothing() {
        String number = createDossier(newNumber());
        String intruder = keycloak.family("999");

        ApiClient.Response read = api().get("/api/dossier/dossiers/" + number, intruder);
        ApiClient.Response write = api().put("/api/dossier/dossiers/" + number + "/contact-details", intruder,
                """
                {"email":"pirate@example.test","phone":"0600000000"}""");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.json().get("detail").asString()).isEqualTo("Le dossier " + number + " est introuvable.");
        assertThat(write.status()).isEqualTo(404);
        ApiClient.Response own = api().get("/api/dossier/dossiers/" + number, keycloak.family(number));
        assertThat(own.json().get("email").asString()).isEqualTo("durand." + number + "@example.test");
        assertThat(outboxRows(number)).as("only DossierCreated").isEqualTo(1);
    }

    @Test
    void a_family_cannot_create_a_dossier() {
        String number = newNumber();
        ApiClient.Response response = api().post("/api/dossier/dossiers", keycloak.family(number), """
                {"number":"%s","familyName":"DURAND","email":"d@example.test"}""".formatted(number));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:acces-refuse");
        assertThat(api().get("/api/dossier/dossiers/" + number, keycloak.agent("jeunesse")).status()).isEqualTo(404);
    }

    @Test
    void a_duplicate_number_gets_409_in_french() {
        String number = createDossier(newNumber());

        ApiClient.Response response = api().post("/api/dossier/dossiers", keycloak.agent("jeunesse"), """
                {"number":"%s","familyName":"MARTIN","email":"martin@example.test"}""".formatted(number));

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:dossier-existant");
        assertThat(response.json().get("detail").asString())
                .isEqualTo("Le numéro de dossier " + number + " est déjà utilisé.");
    }

    @Test
    void invalid_fields_get_400_naming_each_field_and_nothing_changes() {
        String number = createDossier(newNumber());

        ApiClient.Response response = api().put("/api/dossier/dossiers/" + number + "/contact-details",
                keycloak.family(number), """
                {"email":"pas-une-adresse","phone":"12"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).get("field").asString()).isEqualTo("email");
        assertThat(errors.get(0).get("message").asString()).contains("adresse électronique");
        assertThat(errors.get(1).get("field").asString()).isEqualTo("phone");
        assertThat(errors.get(1).get("message").asString()).contains("numéro de téléphone français");
        assertThat(response.json().get("detail").asString()).startsWith("Certains champs sont invalides");
        assertThat(outboxRows(number)).isEqualTo(1);
    }

    @Test
    void create_a_dossier_names_the_fields_as_the_form_does_never_by_their_java_name() {
        ApiClient.Response response = api().post("/api/dossier/dossiers", keycloak.agent("jeunesse"), """
                {"number":"12","familyName":"","email":"pas-une-adresse","phone":"12"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        String detail = response.json().get("detail").asString();
        assertThat(detail).contains("« Numéro de dossier » doit comporter 3 ou 4 chiffres",
                "« Nom de famille »", "« Adresse e-mail »", "« Téléphone »");
        assertThat(response.json().get("errors")).extracting(e -> e.get("field").asString())
                .containsExactly("email", "familyName", "number", "phone");
        FieldLabels.assertNoJavaNames(response.json(), NewDossier.class);
    }

    @Test
    void phone_numbers_are_stored_in_e164_whatever_the_way_they_were_typed() {
        String number = createDossier(newNumber());
        String path = "/api/dossier/dossiers/" + number + "/contact-details";
        String token = keycloak.family(number);

        for (String[] typed : new String[][] {{"04.68.96.00.00", "+33468960000"}, {"06-12-34-56-78", "+33612345678"},
                {"+34 612 345 678", "+34612345678"}}) {
            ApiClient.Response response = api().put(path, token, """
                    {"email":"durand@example.test","phone":"%s"}""".formatted(typed[0]));
            assertThat(response.json().get("phone").asString()).as(typed[0]).isEqualTo(typed[1]);
        }
        ApiClient.Response invalid = api().put(path, token, """
                {"email":"durand@example.test","phone":"06 12 34"}""");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().at("/errors/0/field").asString()).isEqualTo("phone");
    }

    @Test
    void a_malformed_body_or_a_wrong_type_gets_400_not_500() {
        String number = createDossier(newNumber());
        String token = keycloak.family(number);
        String path = "/api/dossier/dossiers/" + number + "/contact-details";

        ApiClient.Response malformed = api().put(path, token, "{\"email\": ");
        ApiClient.Response wrongType = api().put(path, token, "{\"email\": {\"a\": 1}, \"phone\": \"0612345678\"}");

        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("detail").asString()).contains("JSON valide");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("detail").asString()).contains("« Adresse e-mail »").doesNotContain("« email »");
        assertThat(wrongType.json().at("/errors/0/field").asString()).isEqualTo("email");
    }

    @Test
    void the_family_changes_its_contact_details_and_the_event_carries_them() {
        String number = createDossier(newNumber());

        ApiClient.Response response = api().put("/api/dossier/dossiers/" + number + "/contact-details",
                keycloak.family(number), """
                {"email":"nouvelle.adresse@example.test","phone":"+33 6 98 76 54 32"}""");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().get("email").asString()).isEqualTo("nouvelle.adresse@example.test");
        assertThat(response.json().get("updatedBy").asString()).isEqualTo("famille." + number);
        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.DOSSIER,
                r -> number.equals(r.key()) && r.value().get("type").asString().endsWith("ContactDetailsChanged"),
                1, Duration.ofSeconds(30));
        assertThat(events).hasSize(1);
        JsonNode data = events.get(0).value().get("data");
        assertThat(data.get("email").asString()).isEqualTo("nouvelle.adresse@example.test");
        assertThat(data.get("previousEmail").asString()).isEqualTo("durand." + number + "@example.test");
        assertThat(data.get("phone").asString()).isEqualTo("+33698765432");
    }

    @Override
    public List<String> deploymentSecrets() {
        return List.of("SPRING_DATASOURCE_PASSWORD", "PORTAL_DOSSIER_ACCESS_KEY_ENCRYPTION_KEY");
    }
}
