package fr.portailfamille.dossier.search;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PortalServiceTest
class DossierSearchApiTest extends DossierApiSupport {

    /** A family name no other test uses, with an accent. */
    private static String uniqueName() {
        return "LÉGER-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    }

    private String dossierOf(String familyName) {
        String number = newNumber();
        ApiClient.Response created = api().post("/api/dossier/dossiers", keycloak.agent("jeunesse"), """
                {"number":"%s","familyName":"%s","email":"f.%s@example.test"}""".formatted(number, familyName, number));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return number;
    }

    private JsonNode find(String query) {
        ApiClient.Response response = api().get("/api/dossier/dossiers?q=" + java.net.URLEncoder.encode(query,
                java.nio.charset.StandardCharsets.UTF_8), keycloak.agent("jeunesse"));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void an_agent_finds_a_dossier_by_family_name_without_accents_or_capitals() {
        String name = uniqueName();
        String number = dossierOf(name);

        JsonNode results = find(name.toLowerCase().replace("é", "e"));

        assertThat(results.get("total").asLong()).isEqualTo(1);
        assertThat(results.at("/items/0/number").asString()).isEqualTo(number);
        assertThat(results.at("/items/0/familyName").asString()).isEqualTo(name);
    }

    @Test
    void an_agent_finds_a_dossier_by_number_or_by_a_childs_name() {
        String name = uniqueName();
        String number = dossierOf(name);
        String child = "Hélène" + UUID.randomUUID().toString().substring(0, 4);
        api().post("/api/dossier/dossiers/" + number + "/children", keycloak.agent("jeunesse"), """
                {"firstName":"%s","lastName":"%s","birthDate":"2015-03-02"}""".formatted(child, name));

        assertThat(find(number).at("/items/0/number").asString()).isEqualTo(number);
        JsonNode byChild = find(child.replace("é", "e").toUpperCase());
        assertThat(byChild.get("total").asLong()).isEqualTo(1);
        assertThat(byChild.at("/items/0/children/0").asString()).isEqualTo(child + " " + name);
    }

    @Test
    void results_are_paged() {
        String name = uniqueName();
        for (int i = 0; i < 3; i++) {
            dossierOf(name);
        }

        ApiClient.Response page = api().get("/api/dossier/dossiers?q=" + name.substring(6) + "&page=1&size=2",
                keycloak.agent("jeunesse"));

        assertThat(page.json().get("total").asLong()).isEqualTo(3);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("page").asInt()).isEqualTo(1);
    }

    @Test
    void coeur_finds_the_family_named_with_the_ligature_and_cour_does_not() {
        String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String upper = dossierOf("CŒUR-" + suffix);
        String mixed = dossierOf("Cœur-" + suffix);

        JsonNode coeur = find("coeur-" + suffix.toLowerCase());
        JsonNode cour = find("cour-" + suffix.toLowerCase());

        assertThat(coeur.get("total").asLong()).isEqualTo(2);
        java.util.List<String> numbers = new java.util.ArrayList<>();
        coeur.get("items").forEach(item -> numbers.add(item.get("number").asString()));
        assertThat(numbers).containsExactlyInAnyOrder(upper, mixed);
        assertThat(cour.get("total").asLong()).isZero();
    }

    @Test
    void families_cannot_search_and_bad_paging_gets_400() {
        assertThat(api().get("/api/dossier/dossiers?q=a", keycloak.family("6000")).status()).isEqualTo(403);
        ApiClient.Response tooBig = api().get("/api/dossier/dossiers?q=a&size=1000", keycloak.agent("jeunesse"));
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.json().at("/errors/0/field").asString()).isEqualTo("size");
    }
}
