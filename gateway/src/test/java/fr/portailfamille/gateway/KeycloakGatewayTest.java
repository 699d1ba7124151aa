package fr.portailfamille.gateway;

import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.testsupport.KeycloakServer;
import fr.portailfamille.testsupport.PortalSession;
import fr.portailfamille.testsupport.RedisServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The gateway as it runs in a deployment, against the real Keycloak (its distribution, realm of
 * deploy/keycloak, demo users) and a real Redis for the sessions (the default store outside the
 * profile {@code local}), on {@link GatewayTestPortal}'s port, Keycloak's redirect URIs and back-channel
 * logout URL naming it.
 *
 * <p>The stand-in for dossier-service answers 401 to a call without {@code Authorization}, as the real
 * services do, and records the header it got.
 */
// redis-session beats a SPRING_PROFILES_ACTIVE=local of the environment: these tests are about Redis.
// Without identity-service here, the CGU gate (tested in cgu.CguGateTest) is off.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = {"portal.startup-checks.enabled=false", "portal.cgu-gate.enabled=false"})
@ActiveProfiles("redis-session")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class KeycloakGatewayTest {

    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final int PORT = GatewayTestPortal.PORT;
    protected static final String PORTAL = GatewayTestPortal.URL;
    protected static final KeycloakServer KEYCLOAK = GatewayTestPortal.KEYCLOAK;
    protected static final AtomicReference<String> RELAYED_AUTHORIZATION = new AtomicReference<>();
    protected static final HttpServer SERVICE = service();
    protected static final RedisServer REDIS = RedisServer.shared();

    protected static final String FAMILY = "claire.durand";
    protected static final String FAMILY_PASSWORD = "Famille-Durand-6000";
    protected static final String CLIENT_ID = "portal-gateway";
    protected static final String CLIENT_SECRET = "local-gateway-secret";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.keycloak.public-url", KEYCLOAK::url);
        registry.add("portal.services.dossier-url", KeycloakGatewayTest::serviceUrl);
        registry.add("spring.data.redis.host", () -> "127.0.0.1");
        registry.add("spring.data.redis.port", REDIS::port);
    }

    protected static String serviceUrl() {
        return "http://127.0.0.1:" + SERVICE.getAddress().getPort();
    }

    /** Stands in for dossier-service: 401 without a bearer token, else 200; records the Authorization header. */
    private static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                RELAYED_AUTHORIZATION.set(authorization);
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(authorization == null ? 401 : 200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static JsonNode me(PortalSession session) {
        return session.get("/api/me").json();
    }

    protected static JsonNode payload(String bearer) {
        String jwt = bearer.startsWith("Bearer ") ? bearer.substring("Bearer ".length()) : bearer;
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    /** The status of a refresh at Keycloak with this refresh token, as the gateway would do it. */
    protected static int refreshAtKeycloak(String refreshToken) {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(KEYCLOAK.issuer() + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                        + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)))).statusCode();
    }

    /** One call to the realm's admin API as Keycloak's bootstrap administrator. */
    protected static HttpResponse<String> keycloakAdmin(String method, String realmPath) {
        HttpResponse<String> token = send(HttpRequest.newBuilder(
                        URI.create(KEYCLOAK.url() + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")));
        String accessToken = JSON.readTree(token.body()).get("access_token").asString();
        return send(HttpRequest.newBuilder(URI.create(KEYCLOAK.url() + "/admin/realms/" + KeycloakServer.REALM + realmPath))
                .header("Authorization", "Bearer " + accessToken)
                .method(method, HttpRequest.BodyPublishers.noBody()));
    }

    protected static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
