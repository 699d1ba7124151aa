package fr.portailfamille.messaging.catalogue;

import fr.portailfamille.messaging.MessagingApiSupport;
import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalogue: families and agents read the active one; admins add, rename, retire; retired ones stay readable. */
@PortalServiceTest
class CatalogueApiTest extends MessagingApiSupport {

    private static JsonNode service(JsonNode catalogue, String code) {
        return catalogue.valueStream().filter(s -> s.get("code").asString().equals(code)).findFirst().orElse(null);
    }

    private static List<String> themeNames(JsonNode service) {
        return service.get("themes").valueStream().map(t -> t.get("name").asString()).toList();
    }

    @Test
    void logged_in_people_read_the_demo_catalogue_whose_codes_are_the_agents_services_claim() {
        ApiClient.Response byFamily = api().get("/api/messaging/catalogue", family(newDossier()));
        ApiClient.Response byAgent = api().get("/api/messaging/catalogue", agent("jeunesse"));

        assertThat(byFamily.status()).isEqualTo(200);
        JsonNode catalogue = byFamily.json();
        assertThat(service(catalogue, "jeunesse").get("name").asString()).isEqualTo("Service Jeunesse");
        assertThat(service(catalogue, "enfance").get("name").asString()).isEqualTo("Service Enfance");
        assertThat(service(catalogue, "facturation").get("name").asString()).isEqualTo("Facturation");
        assertThat(service(catalogue, "accueil").get("name").asString()).isEqualTo("Accueil");
        assertThat(themeNames(service(catalogue, "jeunesse"))).containsExactly("Inscriptions", "Tarifs",
                "Problème technique", "Autre");
        assertThat(themeNames(service(catalogue, "facturation"))).contains("Facture");
        assertThat(byAgent.json()).isEqualTo(catalogue);
        assertThat(api().get("/api/messaging/catalogue", null).status()).isEqualTo(401);
    }

    @Test
    void an_admin_adds_renames_and_retires_and_a_retired_service_or_theme_is_refused_for_new_conversations_only() {
        String code = newService();
        long inscriptions = themeId(code, "Inscriptions");
        long autre = themeId(code, "Autre");
        String family = family(newDossier());
        long old = start(family, code, "Inscriptions", "Avant le retrait", "Bonjour").get("id").asLong();

        ApiClient.Response renamed = api().put("/api/messaging/admin/services/" + code, keycloak.admin(),
                "{\"name\": \"Service Petite enfance " + code + "\", \"active\": true}");
        ApiClient.Response themeRetired = api().put("/api/messaging/admin/themes/" + inscriptions, keycloak.admin(),
                "{\"name\": \"Inscriptions\", \"active\": false}");
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(themeRetired.json().get("active").asBoolean()).isFalse();
        assertThat(themeNames(service(api().get("/api/messaging/catalogue", family).json(), code)))
                .containsExactly("Autre");
        ApiClient.Response retiredTheme = api().post("/api/messaging/conversations", family, """
                {"service": "%s", "theme": %d, "subject": "Après", "body": "Bonjour"}""".formatted(code, inscriptions));
        assertThat(retiredTheme.status()).isEqualTo(400);
        assertThat(retiredTheme.json().get("detail").asString()).contains("« Thème »").contains("n’est plus proposé");

        ApiClient.Response serviceRetired = api().put("/api/messaging/admin/services/" + code, keycloak.admin(),
                "{\"name\": \"Service Petite enfance " + code + "\", \"active\": false}");
        assertThat(serviceRetired.json().get("active").asBoolean()).isFalse();
        assertThat(service(api().get("/api/messaging/catalogue", family).json(), code)).isNull();
        assertThat(service(api().get("/api/messaging/admin/catalogue", keycloak.admin()).json(), code)
                .get("active").asBoolean()).isFalse();
        ApiClient.Response retiredService = api().post("/api/messaging/conversations", family, """
                {"service": "%s", "theme": %d, "subject": "Après", "body": "Bonjour"}""".formatted(code, autre));
        assertThat(retiredService.status()).isEqualTo(400);
        assertThat(retiredService.json().get("errors").get(0).get("field").asString()).isEqualTo("service");
        assertThat(retiredService.json().get("detail").asString()).contains("« Service »")
                .contains("ne reçoit plus de nouveaux messages");

        JsonNode oldOne = api().get("/api/messaging/conversations/" + old, family).json();
        assertThat(oldOne.get("serviceName").asString()).isEqualTo("Service Petite enfance " + code);
        assertThat(oldOne.get("themeName").asString()).isEqualTo("Inscriptions");
        assertThat(familyAnswers(family, old, "Toujours là ?").status()).as("an old conversation goes on").isEqualTo(201);
    }

    @Test
    void only_admins_change_the_catalogue_and_bad_or_duplicate_values_are_refused_naming_the_field() {
        ApiClient.Response byAgent = api().post("/api/messaging/admin/services", agent("jeunesse"),
                "{\"code\": \"piscine\", \"name\": \"Piscine\"}");
        ApiClient.Response byFamily = api().put("/api/messaging/admin/services/jeunesse", family(newDossier()),
                "{\"name\": \"Piratée\", \"active\": false}");
        ApiClient.Response badCode = api().post("/api/messaging/admin/services", keycloak.admin(),
                "{\"code\": \"Piscine Municipale\", \"name\": \"Piscine\"}");
        ApiClient.Response takenCode = api().post("/api/messaging/admin/services", keycloak.admin(),
                "{\"code\": \"jeunesse\", \"name\": \"Autre jeunesse\"}");
        ApiClient.Response takenName = api().post("/api/messaging/admin/services", keycloak.admin(),
                "{\"code\": \"jeunesse-bis\", \"name\": \"service jeunesse\"}");
        ApiClient.Response takenTheme = api().post("/api/messaging/admin/services/jeunesse/themes", keycloak.admin(),
                "{\"name\": \"inscriptions\"}");
        ApiClient.Response unknownService = api().post("/api/messaging/admin/services/piscine/themes", keycloak.admin(),
                "{\"name\": \"Horaires\"}");

        assertThat(byAgent.status()).isEqualTo(403);
        assertThat(byFamily.status()).isEqualTo(403);
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("detail").asString()).contains("« Code »").contains("lettres minuscules");
        assertThat(takenCode.status()).isEqualTo(409);
        assertThat(takenName.status()).isEqualTo(409);
        assertThat(takenName.json().at("/errors/0/field").asString()).isEqualTo("name");
        assertThat(takenTheme.status()).isEqualTo(409);
        assertThat(unknownService.status()).isEqualTo(404);
        JsonNode jeunesse = service(api().get("/api/messaging/catalogue", agent("jeunesse")).json(), "jeunesse");
        assertThat(jeunesse.get("name").asString()).isEqualTo("Service Jeunesse");
        assertThat(jeunesse.get("active").asBoolean()).isTrue();
    }
}
