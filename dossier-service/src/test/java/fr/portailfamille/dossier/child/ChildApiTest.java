package fr.portailfamille.dossier.child;

import fr.portailfamille.dossier.DossierApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

@PortalServiceTest
class ChildApiTest extends DossierApiSupport {

    private ApiClient.Response addMarie(String number, String token) {
        return api().post("/api/dossier/dossiers/" + number + "/children", token, """
                {"firstName":"Marie","lastName":"DURAND","birthDate":"2016-05-12","school":"École Jean Macé, Prades",
                 "className":"CM1","activities":["Repas Enfants","Atelier 3D"]}""");
    }

    @Test
    void an_agent_adds_a_child_and_the_family_sees_it_with_school_class_and_activities() {
        String number = dossier();

        assertThat(addMarie(number, keycloak.agent("jeunesse")).status()).isEqualTo(201);
        ApiClient.Response children = api().get("/api/dossier/dossiers/" + number + "/children", keycloak.family(number));

        assertThat(children.status()).isEqualTo(200);
        JsonNode marie = children.json().get(0);
        assertThat(marie.get("firstName").asString()).isEqualTo("Marie");
        assertThat(marie.get("birthDate").asString()).isEqualTo("2016-05-12");
        assertThat(marie.get("school").asString()).isEqualTo("École Jean Macé, Prades");
        assertThat(marie.get("className").asString()).isEqualTo("CM1");
        assertThat(marie.get("activities").toString()).isEqualTo("[\"Repas Enfants\",\"Atelier 3D\"]");
    }

    @Test
    void children_are_listed_oldest_first() {
        String number = dossier();
        addMarie(number, keycloak.agent("jeunesse"));
        api().post("/api/dossier/dossiers/" + number + "/children", keycloak.agent("jeunesse"), """
                {"firstName":"Lucas","lastName":"DURAND","birthDate":"2012-09-01"}""");

        JsonNode children = api().get("/api/dossier/dossiers/" + number + "/children", keycloak.family(number)).json();

        assertThat(children).hasSize(2);
        assertThat(children.get(0).get("firstName").asString()).isEqualTo("Lucas");
        assertThat(children.get(0).get("activities")).isEmpty();
    }

    @Test
    void another_family_gets_404_and_a_family_cannot_add_a_child() {
        String number = dossier();
        addMarie(number, keycloak.agent("jeunesse"));

        ApiClient.Response other = api().get("/api/dossier/dossiers/" + number + "/children", keycloak.family("9999"));
        ApiClient.Response added = addMarie(number, keycloak.family(number));

        assertThat(other.status()).isEqualTo(404);
        assertThat(added.status()).isEqualTo(403);
        assertThat(api().get("/api/dossier/dossiers/" + number + "/children", keycloak.family(number)).json()).hasSize(1);
    }

    @Test
    void a_child_of_an_unknown_dossier_gets_404() {
        assertThat(addMarie("9998", keycloak.agent("jeunesse")).status()).isEqualTo(404);
    }

    @Test
    void a_birth_date_in_the_future_or_missing_names_get_400_naming_the_fields() {
        String number = dossier();

        ApiClient.Response response = api().post("/api/dossier/dossiers/" + number + "/children",
                keycloak.agent("jeunesse"), """
                {"firstName":" ","lastName":"DURAND","birthDate":"2999-01-01"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").toString()).contains("\"field\":\"birthDate\"", "\"field\":\"firstName\"");
        assertThat(api().get("/api/dossier/dossiers/" + number + "/children", keycloak.agent("jeunesse")).json()).isEmpty();
    }

    @Test
    void a_malformed_date_names_the_field() {
        String number = dossier();

        ApiClient.Response response = api().post("/api/dossier/dossiers/" + number + "/children",
                keycloak.agent("jeunesse"), """
                {"firstName":"Marie","lastName":"DURAND","birthDate":"12/05/2016"}""");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("« Date de naissance »").doesNotContain("birthDate");
    }
}
