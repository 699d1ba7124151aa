package fr.portailfamille.dossier.guardian;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.events.Topics;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KafkaEvents;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** « Mes coordonnées »: guardians recorded by agents, their contact details kept by the family. */
@PortalServiceTest
class GuardianApiTest extends DossierApiSupport {

    private static final String CLAIRE = """
            {"civility":"MADAME","firstName":"Claire","lastName":"DURAND","email":"claire.%s@example.test",
             "mobilePhone":"06 12 34 56 78","addressLine1":"3 rue des Écoles","postcode":"66500","city":"Prades"}""";

    private static final String NEW_CONTACT = """
            {"email":"claire.nouvelle@example.test","mobilePhone":"07 81 22 33 44","homePhone":"04 68 96 00 00",
             "addressLine1":"12 avenue du Canigou","addressLine2":"Bâtiment B","postcode":"66500","city":"Prades"}""";

    @Autowired
    JdbcClient jdbc;

    private JsonNode addGuardian(String number, String json) {
        ApiClient.Response added = api().post("/api/dossier/dossiers/" + number + "/guardians",
                keycloak.agent("jeunesse"), json);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
        return added.json();
    }

    private String guardianPath(String number, JsonNode guardian) {
        return "/api/dossier/dossiers/" + number + "/guardians/" + guardian.get("id").asLong() + "/contact-details";
    }

    private long rows(String sql, String number) {
        return jdbc.sql(sql).param("number", number).query(Long.class).single();
    }

    private long contactRequests(String number) {
        return rows("select count(*) from request r join dossier d on d.id = r.dossier_id "
                + "where d.number = :number and r.type = 'CONTACT_DETAILS_CHANGE'", number);
    }

    private long outboxRows(String number) {
        return rows("select count(*) from outbox_event where event_key = :number", number);
    }

    @Test
    void the_family_sees_its_guardians_with_address_and_phones_in_e164() {
        String number = dossier();
        addGuardian(number, CLAIRE.formatted(number));

        ApiClient.Response response = api().get("/api/dossier/dossiers/" + number + "/guardians",
                keycloak.family(number));

        assertThat(response.status()).isEqualTo(200);
        JsonNode claire = response.json().get(0);
        assertThat(claire.get("civilityLabel").asString()).isEqualTo("Madame");
        assertThat(claire.get("firstName").asString()).isEqualTo("Claire");
        assertThat(claire.get("mobilePhone").asString()).isEqualTo("+33612345678");
        assertThat(claire.get("addressLine1").asString()).isEqualTo("3 rue des Écoles");
        assertThat(claire.get("postcode").asString()).isEqualTo("66500");
        assertThat(claire.get("city").asString()).isEqualTo("Prades");
    }

    @Test
    void the_family_changes_a_guardians_details_which_apply_at_once_as_an_accepted_request_and_an_event() {
        String number = dossier();
        JsonNode claire = addGuardian(number, CLAIRE.formatted(number));

        ApiClient.Response changed = api().put(guardianPath(number, claire), keycloak.family(number), NEW_CONTACT);

        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.json().get("mobilePhone").asString()).isEqualTo("+33781223344");
        assertThat(changed.json().get("homePhone").asString()).isEqualTo("+33468960000");
        assertThat(changed.json().get("addressLine2").asString()).isEqualTo("Bâtiment B");
        JsonNode dossier = api().get("/api/dossier/dossiers/" + number, keycloak.family(number)).json();
        assertThat(dossier.get("email").asString()).as("guardian 1 is the dossier's contact")
                .isEqualTo("claire.nouvelle@example.test");
        assertThat(dossier.get("phone").asString()).isEqualTo("+33781223344");
        JsonNode request = api().get("/api/dossier/dossiers/" + number + "/requests", keycloak.family(number)).json().get(0);
        assertThat(request.get("typeLabel").asString()).isEqualTo("Modification de coordonnées");
        assertThat(request.get("statusLabel").asString()).isEqualTo("Acceptée");
        assertThat(request.get("description").asString()).contains("Madame Claire DURAND");

        List<KafkaEvents.Received> events = KafkaEvents.await(Topics.DOSSIER,
                r -> number.equals(r.key()) && r.value().get("type").asString().endsWith("ContactDetailsChanged"),
                1, Duration.ofSeconds(30));
        JsonNode data = events.get(0).value().get("data");
        assertThat(data.get("email").asString()).isEqualTo("claire.nouvelle@example.test");
        assertThat(data.get("previousEmail").asString()).isEqualTo("claire." + number + "@example.test");
        assertThat(data.at("/guardians/0/addressLine1").asString()).isEqualTo("12 avenue du Canigou");
        assertThat(data.at("/guardians/0/postcode").asString()).isEqualTo("66500");
    }

    @Test
    void invalid_postcode_phone_and_email_get_400_naming_each_field_in_french_and_nothing_changes() {
        String number = dossier();
        JsonNode claire = addGuardian(number, CLAIRE.formatted(number));
        long outboxBefore = outboxRows(number);

        ApiClient.Response response = api().put(guardianPath(number, claire), keycloak.family(number), """
                {"email":"claire@","mobilePhone":"06 12","addressLine1":"1 rue","postcode":"6650","city":"Prades"}""");

        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().get("errors");
        assertThat(errors).extracting(e -> e.get("field").asString()).containsExactly("email", "mobilePhone", "postcode");
        assertThat(errors.get(2).get("message").asString()).contains("code postal français de 5 chiffres");
        assertThat(errors.get(1).get("message").asString()).contains("numéro de téléphone français");
        assertThat(contactRequests(number)).isZero();
        assertThat(outboxRows(number)).isEqualTo(outboxBefore);
        JsonNode unchanged = api().get("/api/dossier/dossiers/" + number + "/guardians", keycloak.family(number)).json().get(0);
        assertThat(unchanged.get("email").asString()).isEqualTo("claire." + number + "@example.test");
    }

    @Test
    void postcodes_of_departments_that_do_not_exist_are_refused() {
        String number = dossier();
        JsonNode claire = addGuardian(number, CLAIRE.formatted(number));

        for (String postcode : List.of("00100", "96000", "99000", "6650A")) {
            ApiClient.Response response = api().put(guardianPath(number, claire), keycloak.family(number), """
                    {"email":"c@example.test","addressLine1":"1 rue","postcode":"%s","city":"Prades"}""".formatted(postcode));
            assertThat(response.status()).as(postcode).isEqualTo(400);
        }
        for (String postcode : List.of("20000", "97400", "01000", "95000")) {
            ApiClient.Response response = api().put(guardianPath(number, claire), keycloak.family(number), """
                    {"email":"c@example.test","addressLine1":"1 rue","postcode":"%s","city":"Ville"}""".formatted(postcode));
            assertThat(response.status()).as(postcode).isEqualTo(200);
        }
    }

    @Test
    void half_an_address_or_no_email_for_the_dossiers_contact_is_refused_naming_the_field() {
        String number = dossier();
        JsonNode claire = addGuardian(number, CLAIRE.formatted(number));

        ApiClient.Response noCity = api().put(guardianPath(number, claire), keycloak.family(number), """
                {"email":"c@example.test","addressLine1":"1 rue","postcode":"66500"}""");
        ApiClient.Response noEmail = api().put(guardianPath(number, claire), keycloak.family(number), """
                {"mobilePhone":"0612345678"}""");

        assertThat(noCity.status()).isEqualTo(400);
        assertThat(noCity.json().at("/errors/0/field").asString()).isEqualTo("city");
        assertThat(noCity.json().at("/errors/0/message").asString()).contains("adresse postale");
        assertThat(noEmail.status()).isEqualTo(400);
        assertThat(noEmail.json().at("/errors/0/field").asString()).isEqualTo("email");
        assertThat(contactRequests(number)).isZero();
    }

    @Test
    void another_family_cannot_read_or_change_the_guardians_and_leaves_no_trace() {
        String number = dossier();
        JsonNode claire = addGuardian(number, CLAIRE.formatted(number));
        String intruder = keycloak.family("999");
        long outboxBefore = outboxRows(number);

        ApiClient.Response read = api().get("/api/dossier/dossiers/" + number + "/guardians", intruder);
        ApiClient.Response write = api().put(guardianPath(number, claire), intruder, NEW_CONTACT);
        ApiClient.Response add = api().post("/api/dossier/dossiers/" + number + "/guardians",
                keycloak.family(number), CLAIRE.formatted("x"));

        assertThat(read.status()).isEqualTo(404);
        assertThat(write.status()).isEqualTo(404);
        assertThat(add.status()).as("families do not add guardians").isEqualTo(403);
        assertThat(contactRequests(number)).isZero();
        assertThat(outboxRows(number)).isEqualTo(outboxBefore);
        assertThat(rows("select count(*) from guardian g join dossier d on d.id = g.dossier_id where d.number = :number",
                number)).isEqualTo(1);
    }

    @Test
    void a_guardian_of_another_dossier_cannot_be_reached_through_ones_own_dossier() {
        String mine = dossier();
        String theirs = dossier();
        JsonNode theirGuardian = addGuardian(theirs, CLAIRE.formatted(theirs));

        ApiClient.Response response = api().put(
                "/api/dossier/dossiers/" + mine + "/guardians/" + theirGuardian.get("id").asLong() + "/contact-details",
                keycloak.family(mine), NEW_CONTACT);

        assertThat(response.status()).isEqualTo(404);
        JsonNode unchanged = api().get("/api/dossier/dossiers/" + theirs + "/guardians", keycloak.family(theirs)).json();
        assertThat(unchanged.get(0).get("email").asString()).isEqualTo("claire." + theirs + "@example.test");
    }

    @Test
    void a_dossier_has_at_most_two_guardians() {
        String number = dossier();
        addGuardian(number, CLAIRE.formatted(number));
        JsonNode paul = addGuardian(number, """
                {"civility":"MONSIEUR","firstName":"Paul","lastName":"DURAND"}""");

        ApiClient.Response third = api().post("/api/dossier/dossiers/" + number + "/guardians",
                keycloak.agent("jeunesse"), """
                {"civility":"MADAME","firstName":"Anne","lastName":"MARTIN"}""");

        assertThat(paul.get("position").asInt()).isEqualTo(2);
        assertThat(paul.get("email").isNull()).as("only guardian 1 takes the dossier's contact").isTrue();
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().get("detail").asString()).isEqualTo("Le dossier " + number + " compte déjà deux responsables légaux.");
    }

    @Test
    void the_first_guardian_without_contact_takes_the_dossiers() {
        String number = dossier();

        JsonNode first = addGuardian(number, """
                {"civility":"MONSIEUR","firstName":"Paul","lastName":"DURAND"}""");

        assertThat(first.get("email").asString()).isEqualTo("durand." + number + "@example.test");
    }
}
