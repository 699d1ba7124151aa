package fr.portailfamille.dossier.billingprofile;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What billing-service reads to import invoices: the known dossiers of a batch with family, address
 * and access key in clear, to the {@code invoicing} role only. (The realm's own billing-service and
 * identity-service accounts: {@link BillingServiceAccountTest}.)
 */
@PortalServiceTest
class BillingProfilesApiTest extends DossierApiSupport {

    private static final String PATH = "/internal/dossiers/billing-profiles";

    @Autowired
    JdbcClient jdbc;

    private String billingService() {
        return keycloak.token(TestKeycloak.Persona.service("billing-service").withRoles("service", "invoicing"));
    }

    private ApiClient.Response profiles(String token, String... numbers) {
        return api().post(PATH, token, "{\"numbers\":[" + quoted(List.of(numbers)) + "]}");
    }

    private static String quoted(List<String> numbers) {
        return numbers.stream().map(n -> "\"" + n + "\"").collect(Collectors.joining(","));
    }

    private void addGuardian(String number, String json) {
        ApiClient.Response added = api().post("/api/dossier/dossiers/" + number + "/guardians",
                keycloak.agent("jeunesse"), json);
        assertThat(added.status()).as(added.toString()).isEqualTo(201);
    }

    @Test
    void the_known_dossiers_of_a_batch_come_with_family_email_address_and_access_key() {
        JsonNode withAddress = createDossier();
        String a = withAddress.get("number").asString();
        addGuardian(a, """
                {"civility":"MADAME","firstName":"Claire","lastName":"DURAND","email":"claire.%s@example.test",
                 "addressLine1":"12 avenue du Canigou","addressLine2":"Bâtiment B","postcode":"66500","city":"Prades"}"""
                .formatted(a));
        JsonNode withoutGuardian = createDossier();
        String b = withoutGuardian.get("number").asString();
        String unknown = newNumber();

        ApiClient.Response response = profiles(billingService(), b, a, unknown, a);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode profiles = response.json().get("profiles");
        assertThat(profiles).as("known numbers only, each once").hasSize(2);
        JsonNode first = profiles.get(0);
        JsonNode second = profiles.get(1);
        JsonNode profileA = first.get("number").asString().equals(a) ? first : second;
        JsonNode profileB = profileA == first ? second : first;
        assertThat(profileA.toString()).isEqualTo("""
                {"number":"%s","familyName":"DURAND","email":"claire.%s@example.test",\
                "addressLines":["12 avenue du Canigou","Bâtiment B"],"postcode":"66500","city":"Prades",\
                "accessKey":"%s"}""".formatted(a, a, withAddress.get("accessKey").asString()));
        assertThat(profileB.toString()).isEqualTo("""
                {"number":"%s","familyName":"DURAND","email":"durand.%s@example.test","addressLines":[],\
                "postcode":null,"city":null,"accessKey":"%s"}""".formatted(b, b, withoutGuardian.get("accessKey").asString()));
    }

    @Test
    void the_address_is_the_first_guardian_who_has_one() {
        String number = dossier();
        addGuardian(number, """
                {"civility":"MONSIEUR","firstName":"Marc","lastName":"DURAND","email":"marc@example.test"}""");
        addGuardian(number, """
                {"civility":"MADAME","firstName":"Claire","lastName":"MARTIN","addressLine1":"3 rue des Écoles",
                 "postcode":"66820","city":"Vernet-les-Bains"}""");

        JsonNode profile = profiles(billingService(), number).json().at("/profiles/0");

        assertThat(profile.get("addressLines").toString()).isEqualTo("[\"3 rue des Écoles\"]");
        assertThat(profile.get("postcode").asString()).isEqualTo("66820");
        assertThat(profile.get("city").asString()).isEqualTo("Vernet-les-Bains");
        assertThat(profile.get("email").asString()).isEqualTo("marc@example.test");
    }

    @Test
    void a_key_made_before_keys_were_kept_has_no_key_until_an_agent_issues_a_new_one() {
        String number = dossier();
        jdbc.sql("update dossier set access_key_ciphertext = null where number = :n").param("n", number).update();

        JsonNode before = profiles(billingService(), number).json().at("/profiles/0");
        String issued = api().post("/api/dossier/dossiers/" + number + "/access-key", keycloak.agent("jeunesse"), "")
                .json().get("accessKey").asString();
        JsonNode after = profiles(billingService(), number).json().at("/profiles/0");

        assertThat(before.has("accessKey")).isTrue();
        assertThat(before.get("accessKey").isNull()).isTrue();
        assertThat(after.get("accessKey").asString()).isEqualTo(issued);
    }

    @Test
    void a_ciphertext_moved_to_another_dossier_gives_no_key_rather_than_that_dossiers_key() {
        String from = dossier();
        String to = dossier();
        jdbc.sql("update dossier set access_key_ciphertext = (select access_key_ciphertext from dossier where number = :from) "
                + "where number = :to").param("from", from).param("to", to).update();

        ApiClient.Response response = profiles(billingService(), to);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().at("/profiles/0/accessKey").isNull()).isTrue();
    }

    @Test
    void identity_service_a_family_and_an_agent_get_403_and_no_key() {
        JsonNode created = createDossier();
        String number = created.get("number").asString();
        String key = created.get("accessKey").asString();

        for (String token : List.of(keycloak.serviceAccount("identity-service"), keycloak.family(number),
                keycloak.agent("jeunesse"), keycloak.admin(),
                keycloak.token(TestKeycloak.Persona.service("billing-service").withRoles("invoicing")))) {
            ApiClient.Response refused = profiles(token, number);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:portail-famille:problem:acces-refuse");
            assertThat(refused.body()).doesNotContain(key);
        }
        assertThat(profiles(null, number).status()).isEqualTo(401);
    }

    @Test
    void a_refused_caller_gets_403_before_any_check_of_what_it_sent() {
        ApiClient.Response refused = api().post(PATH, keycloak.serviceAccount("identity-service"), "{\"numbers\":[\"x\"]}");

        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void a_missing_list_or_a_number_that_is_not_3_or_4_digits_gets_400_naming_the_field() {
        ApiClient.Response missing = api().post(PATH, billingService(), "{}");
        ApiClient.Response wrong = profiles(billingService(), "6000", "12a", "12345", "12a");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.json().at("/errors/0/field").asString()).isEqualTo("numbers");
        assertThat(missing.json().get("detail").asString()).contains("numéros de dossier");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("detail").asString())
                .contains("numéros de dossier de 3 ou 4 chiffres", "« 12a », « 12345 »").doesNotContain("6000");
    }

    @Test
    void more_than_10000_numbers_get_400_saying_the_limit() {
        List<String> numbers = new ArrayList<>();
        IntStream.range(0, 10_001).forEach(i -> numbers.add(String.valueOf(1000 + i % 9000)));

        ApiClient.Response response = api().post(PATH, billingService(), "{\"numbers\":[" + quoted(numbers) + "]}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("numéros de dossier").containsPattern("10.000 au plus");
    }

    @Test
    void a_batch_of_10000_numbers_is_answered_at_once() {
        String number = dossier();
        List<String> numbers = new ArrayList<>();
        IntStream.range(100, 10_000).forEach(i -> numbers.add(String.valueOf(i)));
        numbers.addAll(numbers.subList(0, 100));
        assertThat(numbers).hasSize(10_000);
        String body = "{\"numbers\":[" + quoted(numbers) + "]}";
        api().post(PATH, billingService(), body);

        ApiClient.Response response = api().post(PATH, billingService(), body);

        assertThat(response.status()).isEqualTo(200);
        long known = jdbc.sql("select count(*) from dossier").query(Long.class).single();
        assertThat(response.json().get("profiles")).hasSize((int) known);
        assertThat(response.json().get("profiles").toString()).contains("\"number\":\"" + number + "\"");
    }
}
