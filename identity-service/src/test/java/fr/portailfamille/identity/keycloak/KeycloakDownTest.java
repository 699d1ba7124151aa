package fr.portailfamille.identity.keycloak;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.FreePorts;
import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keycloak unreachable (nothing listens on its port): « valider » says it is temporary, keeps the
 * draft at its step, and no account record is left behind; a reset request says the same.
 */
@PortalServiceTest
class KeycloakDownTest {

    private static final int NOBODY = FreePorts.next();

    @DynamicPropertySource
    static void keycloakNowhere(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", () -> "http://127.0.0.1:" + NOBODY);
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void submit_answers_503_in_french_and_keeps_the_draft_with_nothing_half_created() {
        ApiClient api = ApiClient.local(port);
        String username = "panne" + System.nanoTime() % 1_000_000_000L;
        ApiClient.Response started = api.post("/api/identity/registrations", null, """
                {"civility":"MADAME","lastName":"DURAND","firstName":"Claire","email":"%s@example.test",
                 "password":"Vacances-Prades-2026","passwordConfirmation":"Vacances-Prades-2026"}""".formatted(username));
        String id = started.json().get("id").asString();
        jdbc.sql("update registration set step = 'REVIEW', dossier_number = '6000', family_name = 'DURAND', "
                + "cgu_version = '2026-01', cgu_accepted_at = now() where id = :id").param("id", id).update();

        ApiClient.Response submitted = api.post("/api/identity/registrations/" + id + "/submit", null, "");
        ApiClient.Response reset = api.post("/api/identity/password-resets", null,
                "{\"email\":\"" + username + "@example.test\"}");

        assertThat(submitted.status()).isEqualTo(503);
        assertThat(submitted.json().get("detail").asString())
                .isEqualTo("Le service des comptes est momentanément indisponible. Votre inscription est conservée : "
                        + "réessayez dans quelques minutes.");
        assertThat(api.get("/api/identity/registrations/" + id, null).json().get("step").asString()).isEqualTo("REVIEW");
        assertThat(jdbc.sql("select count(*) from account where username = :u").param("u", username + "@example.test")
                .query(Long.class).single()).isZero();
        assertThat(reset.status()).isEqualTo(503);
    }
}
