package fr.portailfamille.testsupport;

import fr.portailfamille.platform.startupchecks.ShippedSecretsException;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.ConfigurableEnvironment;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every service must do, checked on the running application: health probes for Kubernetes,
 * the OpenAPI document, and refusals as French problem+json for a missing, expired or foreign token
 * and for the actuator's other endpoints. An interface, so that a service's API test (annotated
 * {@link PortalServiceTest}) keeps extending its feature's support class and adds these checks by
 * implementing it.
 */
public interface StandardServiceChecks {

    /** The running service (usually {@code ApiClient.local(port)} of the test's {@code @LocalServerPort}). */
    ApiClient api();

    /** The service's {@code spring.application.name}, which the OpenAPI document's title names. */
    String applicationName();

    /** A path of the service's API that needs a token (the checks call it without a valid one). */
    String protectedPath();

    /** The service's main class, started again by the checks as a deployment would start it. */
    Class<?> applicationClass();

    /**
     * The variables a deployment must set for this service, which it refuses to start without
     * (platform/startup-checks): the database password, and the service's own secrets.
     */
    default List<String> deploymentSecrets() {
        return List.of("SPRING_DATASOURCE_PASSWORD");
    }

    @Test
    default void liveness_and_readiness_probes_answer_up() {
        for (String probe : new String[] {"/actuator/health/liveness", "/actuator/health/readiness"}) {
            ApiClient.Response response = api().get(probe, null);
            assertThat(response.status()).as(probe).isEqualTo(200);
            assertThat(response.json().get("status").asString()).as(probe).isEqualTo("UP");
        }
    }

    @Test
    default void openapi_document_is_published() {
        ApiClient.Response response = api().get("/v3/api-docs", null);
        assertThat(response.status()).isEqualTo(200);
        JsonNode document = response.json();
        assertThat(document.get("openapi").asString()).startsWith("3.");
        assertThat(document.at("/info/title").asString()).contains(applicationName());
    }

    @Test
    default void outside_the_local_profile_it_refuses_to_start_with_its_shipped_secrets() {
        RuntimeException refusal = OutsideLocal.refusal(applicationClass());
        assertThat(refusal).as("start outside the profile local with the jar's values").isInstanceOf(ShippedSecretsException.class);
        assertThat(refusal.getMessage()).contains(deploymentSecrets());
        assertThat(((ShippedSecretsException) refusal).problems()).hasSameSizeAs(deploymentSecrets());
    }

    @Test
    default void outside_the_local_profile_the_openapi_document_and_swagger_ui_are_off() {
        ConfigurableEnvironment deployment = OutsideLocal.environment(applicationClass());
        assertThat(deployment.getProperty("springdoc.api-docs.enabled")).isEqualTo("false");
        assertThat(deployment.getProperty("springdoc.swagger-ui.enabled")).isEqualTo("false");
        ConfigurableEnvironment local = OutsideLocal.environment(applicationClass(), "--spring.profiles.active=local");
        assertThat(local.getProperty("springdoc.api-docs.enabled")).isEqualTo("true");
    }

    @Test
    default void no_token_gets_401_problem_in_french() {
        assertUnauthorized(api().get(protectedPath(), null));
    }

    @Test
    default void expired_token_gets_401() {
        assertUnauthorized(api().get(protectedPath(), PortalInfrastructure.keycloak().expiredFamily("6000")));
    }

    @Test
    default void token_of_another_issuer_gets_401() {
        assertUnauthorized(api().get(protectedPath(), PortalInfrastructure.keycloak().foreignFamily("6000")));
    }

    @Test
    default void token_issued_to_another_client_gets_401() {
        TestKeycloak keycloak = PortalInfrastructure.keycloak();
        assertUnauthorized(api().get(protectedPath(), keycloak.tokenFor(TestKeycloak.Persona.family("6000"), "account")));
        assertUnauthorized(api().get(protectedPath(), keycloak.tokenFor(TestKeycloak.Persona.family("6000"))));
    }

    @Test
    default void a_service_account_token_is_refused_outside_internal_endpoints() {
        ApiClient.Response response = api().get(protectedPath(),
                PortalInfrastructure.keycloak().serviceAccount("billing-service"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    @Test
    default void internal_endpoints_need_the_services_audience() {
        TestKeycloak keycloak = PortalInfrastructure.keycloak();
        TestKeycloak.Persona service = TestKeycloak.Persona.service("billing-service");
        assertThat(api().get("/internal/anything", keycloak.token(service)).status())
                .as("the services' audience passes the door (nothing there)").isEqualTo(404);
        ApiClient.Response gatewayAudience = api().get("/internal/anything",
                keycloak.tokenFor(service, TestKeycloak.GATEWAY_AUDIENCE));
        assertThat(gatewayAudience.status()).isEqualTo(403);
        assertThat(gatewayAudience.json().get("detail").asString()).contains("droits");
    }

    @Test
    default void garbage_token_gets_401() {
        assertUnauthorized(api().get(protectedPath(), "not-a-jwt"));
    }

    @Test
    default void other_actuator_endpoints_are_closed_even_to_a_family() {
        ApiClient.Response anonymous = api().get("/actuator/env", null);
        assertThat(anonymous.status()).isEqualTo(401);
        ApiClient.Response family = api().get("/actuator/env", PortalInfrastructure.keycloak().family("6000"));
        assertThat(family.status()).isIn(403, 404);
    }

    @Test
    default void internal_endpoints_refuse_a_family_token() {
        ApiClient.Response response = api().get("/internal/anything", PortalInfrastructure.keycloak().family("6000"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("droits");
    }

    static void assertUnauthorized(ApiClient.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:portail-famille:problem:authentification-requise");
        assertThat(problem.get("detail").asString()).isEqualTo("Vous devez être connecté pour accéder à cette ressource.");
    }
}
