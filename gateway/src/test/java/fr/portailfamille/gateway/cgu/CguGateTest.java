package fr.portailfamille.gateway.cgu;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.gateway.GatewayTestPortal;
import fr.portailfamille.gateway.ServiceStandIn;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 10: the CGU gate, through the gateway. A family logs in on the real Keycloak's page
 * (the session's token relayed, as the web app calls); identity-service and the other services are
 * stand-ins: identity-service's keeps who accepted, by the token's subject, and answers
 * {@code GET /api/identity/me/cgu} as the real one does (its side is tested in identity-service's
 * MyAccountApiTest); the other services record what reaches them.
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "portal.startup-checks.enabled=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CguGateTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    // The one portal URL of this JVM's Keycloak (redirect URIs, back-channel logout): see GatewayTestPortal.
    private static final int PORT = GatewayTestPortal.PORT;
    private static final String PORTAL = GatewayTestPortal.URL;
    private static final KeycloakServer KEYCLOAK = GatewayTestPortal.KEYCLOAK;
    private static final String CGU_TO_ACCEPT = "urn:portail-famille:problem:cgu-a-accepter";

    /** The subjects who accepted the CGU in force, as identity-service's database would say. */
    private static final Set<String> ACCEPTED = ConcurrentHashMap.newKeySet();
    private static final AtomicInteger ASKED = new AtomicInteger();
    private static final AtomicBoolean IDENTITY_FAILING = new AtomicBoolean();
    private static final HttpServer IDENTITY = ServiceStandIn.start(CguGateTest::identity);

    private static final AtomicReference<String> REACHED = new AtomicReference<>();
    private static final HttpServer SERVICE = ServiceStandIn.start(exchange -> {
        REACHED.set(exchange.getRequestURI().getPath() + " " + exchange.getRequestHeaders().getFirst("Authorization"));
        ServiceStandIn.answer(exchange, 200, "{\"service\":\"reached\"}");
    });

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.keycloak.public-url", KEYCLOAK::url);
        registry.add("portal.services.identity-url", () -> ServiceStandIn.url(IDENTITY));
        registry.add("portal.services.dossier-url", () -> ServiceStandIn.url(SERVICE));
        registry.add("portal.services.billing-url", () -> ServiceStandIn.url(SERVICE));
    }

    @AfterAll
    static void stop() {
        IDENTITY.stop(0);
        SERVICE.stop(0);
    }

    @AfterEach
    void identityAnswersAgain() {
        IDENTITY_FAILING.set(false);
    }

    private static PortalSession newFamily() {
        String username = "cgu" + System.nanoTime() % 1_000_000_000L;
        String password = "Famille-Cgu-Gate-2026";
        KEYCLOAK.createFamilyAccount(username, password, "6000");
        return PortalSession.login(PORTAL, username, password);
    }

    @Test
    void a_family_that_has_not_accepted_the_cgu_in_force_reaches_only_its_account_until_it_accepts() {
        PortalSession family = newFamily();
        REACHED.set(null);

        var dossier = family.get("/api/dossier/dossiers/6000");
        var billing = family.get("/api/billing/invoices?dossier=6000");
        var writing = family.put("/api/dossier/dossiers/6000/contact-details", "{}");

        assertThat(dossier.status()).isEqualTo(403);
        assertThat(dossier.contentType()).startsWith("application/problem+json");
        assertThat(dossier.json().get("type").asString()).isEqualTo(CGU_TO_ACCEPT);
        assertThat(dossier.json().get("detail").asString())
                .isEqualTo("Acceptez les conditions générales d'utilisation en vigueur pour continuer.");
        assertThat(billing.status()).isEqualTo(403);
        assertThat(billing.json().get("type").asString()).isEqualTo(CGU_TO_ACCEPT);
        assertThat(writing.status()).isEqualTo(403);
        assertThat(REACHED.get()).as("nothing reached the services").isNull();

        var account = family.get("/api/identity/me/account");
        assertThat(account.status()).as("its account stays reachable").isEqualTo(200);
        var accepted = family.put("/api/identity/me/cgu", "{\"version\":\"2026-01\",\"accepted\":true}");
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

        var after = family.get("/api/dossier/dossiers/6000");
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(REACHED.get()).startsWith("/api/dossier/dossiers/6000 Bearer ey");
        int asked = ASKED.get();
        assertThat(family.get("/api/billing/invoices?dossier=6000").status()).isEqualTo(200);
        assertThat(ASKED.get()).as("an « accepted » is remembered for a while").isEqualTo(asked);
    }

    @Test
    void a_client_bringing_its_own_bearer_token_is_gated_too_and_staff_are_not() {
        String family = token("famille-" + System.nanoTime(), "famille");
        String agent = token("agent-" + System.nanoTime(), "agent");
        REACHED.set(null);

        HttpResponse<String> refused = get("/api/dossier/dossiers/6000", family);
        HttpResponse<String> byAgent = get("/api/dossier/dossiers/6000", agent);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("type").asString()).isEqualTo(CGU_TO_ACCEPT);
        assertThat(byAgent.statusCode()).isEqualTo(200);
        assertThat(REACHED.get()).isEqualTo("/api/dossier/dossiers/6000 Bearer " + agent);
        REACHED.set(null);
        assertThat(get("/api/dossier/public/anything", null).statusCode()).as("no token: the service decides")
                .isEqualTo(200);
        assertThat(REACHED.get()).startsWith("/api/dossier/public/anything");
    }

    @Test
    void when_identity_service_cannot_answer_the_call_is_refused_with_503_never_let_through() {
        String family = token("famille-" + System.nanoTime(), "famille");
        ACCEPTED.add(subjectOf(family));
        IDENTITY_FAILING.set(true);
        REACHED.set(null);

        HttpResponse<String> response = get("/api/dossier/dossiers/6000", family);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).contains("30");
        assertThat(JSON.readTree(response.body()).get("detail").asString())
                .contains("conditions générales d'utilisation est momentanément indisponible");
        assertThat(REACHED.get()).isNull();
        IDENTITY_FAILING.set(false);
        assertThat(get("/api/dossier/dossiers/6000", family).statusCode()).isEqualTo(200);
    }

    /* ----- stand-ins ----- */

    /** identity-service: its CGU gate answer, the account, the acceptance; 500 while failing. */
    private static void identity(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String subject = subjectOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (IDENTITY_FAILING.get()) {
            ServiceStandIn.answer(exchange, 500, "{}");
        } else if (subject == null) {
            ServiceStandIn.answer(exchange, 401, "{}");
        } else if (path.equals("/api/identity/me/cgu") && exchange.getRequestMethod().equals("GET")) {
            ASKED.incrementAndGet();
            boolean family = rolesOf(exchange.getRequestHeaders().getFirst("Authorization")).contains("famille");
            ServiceStandIn.answer(exchange, 200, "{\"mustAccept\":" + (family && !ACCEPTED.contains(subject))
                    + ",\"currentVersion\":\"2026-01\"}");
        } else if (path.equals("/api/identity/me/cgu")) {
            ACCEPTED.add(subject);
            ServiceStandIn.answer(exchange, 200, "{\"mustAcceptCgu\":false}");
        } else {
            ServiceStandIn.answer(exchange, 200, "{\"mustAcceptCgu\":" + !ACCEPTED.contains(subject) + "}");
        }
    }

    /** A token as a client would bring it: the gateway does not check it (the services do), identity-service reads it. */
    private static String token(String subject, String role) {
        String payload = "{\"sub\":\"" + subject + "\",\"realm_access\":{\"roles\":[\"" + role + "\"]}}";
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        return base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + base64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + ".sig";
    }

    private static JsonNode claims(String authorization) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return null;
        }
        String[] parts = authorization.substring(7).split("\\.");
        return parts.length < 2 ? null : JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    }

    private static String subjectOf(String tokenOrAuthorization) {
        JsonNode claims = claims(tokenOrAuthorization.startsWith("Bearer ") ? tokenOrAuthorization
                : "Bearer " + tokenOrAuthorization);
        return claims == null ? null : claims.get("sub").asString();
    }

    private static List<String> rolesOf(String authorization) {
        JsonNode roles = claims(authorization).at("/realm_access/roles");
        return roles.valueStream().map(JsonNode::asString).toList();
    }

    private HttpResponse<String> get(String path, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(PORTAL + path)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
