package fr.portailfamille.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must do, checked on the running application: health probes for Kubernetes,
 * the OpenAPI document, and refusals as French problem+json for a missing, expired or foreign token
 * and for the actuator's other endpoints. A service's test class extends it and adds
 * {@link PortalServiceTest}.
 */
public abstract class StandardServiceChecks {

    @LocalServerPort
    protected int port;

    @Value("${spring.application.name}")
    protected String applicationName;

    protected final TestKeycloak keycloak = PortalInfrastructure.keycloak();

    protected ApiClient api() {
        return ApiClient.local(port);
    }

    /** A path of the service's API that needs a token (the checks call it without a valid one). */
    protected abstract String protectedPath();

    @Test
    void liveness_and_readiness_probes_answer_up() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiClient.Response response = api().get(probe, null);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    void openapi_document_is_published() {
        ApiClient.Response response = api().get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.at("/info/title").asString()).contains(applicationName);
    }

    @Test
    void no_token_gets_401_problem_in_french() {
        ApiClient.Response response = api().get(protectedPath(), null);
        assertUnauthorized(response);
    }

    @Test
    void expired_token_gets_401() {
        assertUnauthorized(api().get(protectedPath(), keycloak.expiredFamily("6000")));
    }

    @Test
    void token_of_another_issuer_gets_401() {
        assertUnauthorized(api().get(protectedPath(), keycloak.foreignFamily("6000")));
    }

    @Test
    void garbage_token_gets_401() {
        assertUnauthorized(api().get(protectedPath(), "not-a-jwt"));
    }

    @Test
    void other_actuator_endpoints_are_closed_even_to_a_family() {
        ApiClient.Response anonymous = api().get("/actuator/env", null);
        assertThat(anonymous.status()).isEqualTo(401);
        ApiClient.Response family = api().get("/actuator/env", keycloak.family("6000"));
        assertThat(family.status()).isIn(403, 404);
    }

    @Test
    void internal_endpoints_refuse_a_family_token() {
        ApiClient.Response response = api().get("/internal/anything", keycloak.family("6000"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("droits");
    }

    protected static void assertUnauthorized(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:portail-famille:problem:authentification-requise");
        assertThat(problem.get("detail").asString()).isEqualTo("Vous devez être connecté pour accéder à cette ressource.");
    }
}
