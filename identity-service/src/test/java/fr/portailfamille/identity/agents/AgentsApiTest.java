package fr.portailfamille.identity.agents;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalInfrastructure;
import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.TestKeycloak;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /internal/agents} on the real Keycloak (the realm of deploy/keycloak with its demo users, and
 * agents made here): only the enabled users with the realm role agent and the service among their
 * {@code services}; only a token with the realm role {@code agents-directory}, which the realm gives to
 * notification-service's service account alone.
 */
@PortalServiceTest
class AgentsApiTest {

    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared("http://localhost:8080");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SERVICE = "annuaire-" + System.nanoTime() % 1_000_000_000L;
    private static final List<String> CREATED = new ArrayList<>();
    private static Keycloak admin;

    private final TestKeycloak tokens = PortalInfrastructure.keycloak();

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("portal.keycloak.url", KEYCLOAK::url);
    }

    @LocalServerPort
    int port;

    private static RealmResource realm() {
        return admin.realm(KeycloakServer.REALM);
    }

    /** A user of the realm, with these realm roles and services (null e-mail: none). */
    private static String user(String username, String email, boolean enabled, List<String> roles,
                               List<String> services) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(username);
        user.setEmail(email);
        user.setFirstName("Agent");
        user.setLastName(username.toUpperCase(java.util.Locale.ROOT));
        user.setEnabled(enabled);
        user.setEmailVerified(true);
        user.setAttributes(Map.of("services", services));
        String id;
        try (Response response = realm().users().create(user)) {
            id = CreatedResponseUtil.getCreatedId(response);
        }
        CREATED.add(id);
        realm().users().get(id).roles().realmLevel().add(roles.stream()
                .map(role -> realm().roles().get(role).toRepresentation()).toList());
        return id;
    }

    @BeforeAll
    static void agents() {
        admin = KeycloakBuilder.builder().serverUrl(KEYCLOAK.url()).realm("master").grantType("password")
                .clientId("admin-cli").username("admin").password("admin").build();
        String suffix = SERVICE.substring("annuaire-".length());
        user("ann-un-" + suffix, "ann-un-" + suffix + "@example.test", true, List.of("agent"), List.of("enfance", SERVICE));
        user("ann-deux-" + suffix, null, true, List.of("agent"), List.of(SERVICE));
        user("ann-inactif-" + suffix, "ann-inactif-" + suffix + "@example.test", false, List.of("agent"), List.of(SERVICE));
        user("ann-famille-" + suffix, "ann-famille-" + suffix + "@example.test", true, List.of("famille"), List.of(SERVICE));
        user("ann-autre-" + suffix, "ann-autre-" + suffix + "@example.test", true, List.of("agent"),
                List.of(SERVICE + "-bis"));
    }

    @AfterAll
    static void removeThem() {
        CREATED.forEach(id -> realm().users().delete(id).close());
        admin.close();
    }

    private ApiClient api() {
        return ApiClient.local(port);
    }

    private String directoryToken() {
        return tokens.token(TestKeycloak.Persona.service("notification-service").withRoles("service", "agents-directory"));
    }

    @Test
    void only_the_enabled_agents_of_the_service_with_their_email_none_when_they_have_none() {
        String suffix = SERVICE.substring("annuaire-".length());

        ApiClient.Response answer = api().get("/internal/agents?service=" + SERVICE, directoryToken());
        ApiClient.Response jeunesse = api().get("/internal/agents?service=jeunesse", directoryToken());

        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        assertThat(answer.json().get("service").asString()).isEqualTo(SERVICE);
        List<String> usernames = new ArrayList<>();
        answer.json().get("agents").forEach(agent -> usernames.add(agent.get("username").asString()));
        assertThat(usernames).containsExactly("ann-deux-" + suffix, "ann-un-" + suffix);
        JsonNode withEmail = answer.json().get("agents").get(1);
        assertThat(withEmail.get("email").asString()).isEqualTo("ann-un-" + suffix + "@example.test");
        assertThat(withEmail.get("name").asString()).isEqualTo("Agent ANN-UN-" + suffix.toUpperCase(java.util.Locale.ROOT));
        assertThat(withEmail.get("id").asString()).isNotBlank();
        JsonNode noEmail = answer.json().get("agents").get(0).path("email");
        assertThat(noEmail.isNull() || noEmail.isMissingNode()).as("no e-mail: null").isTrue();
        assertThat(jeunesse.json().toString()).contains("agent.jeunesse@roussillon-conflent.example")
                .doesNotContain("agent.enfance", "admin.portail", "claire.durand");
    }

    @Test
    void a_family_an_agent_or_a_service_without_the_role_gets_403_and_a_bad_code_400_in_french() {
        ApiClient.Response family = api().get("/internal/agents?service=jeunesse", tokens.family("6000"));
        ApiClient.Response agent = api().get("/internal/agents?service=jeunesse", tokens.agent("jeunesse"));
        ApiClient.Response billing = api().get("/internal/agents?service=jeunesse",
                tokens.token(TestKeycloak.Persona.service("billing-service").withRoles("service", "invoicing")));
        ApiClient.Response roleOutsideService = api().get("/internal/agents?service=jeunesse",
                tokens.token(TestKeycloak.Persona.service("notification-service").withRoles("agents-directory")));
        ApiClient.Response bad = api().get("/internal/agents?service=Jeunesse%20et%20Enfance", directoryToken());
        ApiClient.Response missing = api().get("/internal/agents", directoryToken());

        assertThat(List.of(family.status(), agent.status(), billing.status(), roleOutsideService.status()))
                .containsOnly(403);
        assertThat(family.body() + agent.body() + billing.body()).doesNotContain("@roussillon-conflent.example");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("doit être un code de service");
        assertThat(missing.status()).isEqualTo(400);
    }

    @Test
    void the_realm_gives_agents_directory_to_notification_service_alone() throws Exception {
        JsonNode notification = claims(clientCredentials("notification-service", "local-notification-secret"));
        JsonNode identity = claims(clientCredentials("identity-service", "local-identity-secret"));
        JsonNode billing = claims(clientCredentials("billing-service", "local-billing-secret"));

        assertThat(notification.at("/realm_access/roles").toString()).contains("\"service\"", "\"agents-directory\"");
        assertThat(identity.at("/realm_access/roles").toString()).doesNotContain("agents-directory");
        assertThat(billing.at("/realm_access/roles").toString()).doesNotContain("agents-directory");
    }

    private static String clientCredentials(String clientId, String secret) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK.issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + clientId
                        + "&client_secret=" + secret)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asString();
    }

    private static JsonNode claims(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
