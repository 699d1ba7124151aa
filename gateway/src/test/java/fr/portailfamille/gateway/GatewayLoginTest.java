package fr.portailfamille.gateway;

import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.testsupport.FreePorts;
import fr.portailfamille.testsupport.KeycloakServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as backend-for-frontend against the real Keycloak (its distribution, realm of
 * deploy/keycloak, demo users): login with PKCE on Keycloak's French page, session cookie only,
 * /api/me, token relay to a service, CSRF, agent pages, and logout from Keycloak too. A plain HTTP
 * client with a cookie jar plays the browser, following each redirect by hand.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class GatewayLoginTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int PORT = FreePorts.next();
    private static final String PORTAL = "http://localhost:" + PORT;
    private static final KeycloakServer KEYCLOAK = KeycloakServer.shared(PORTAL);
    private static final AtomicReference<String> RELAYED_AUTHORIZATION = new AtomicReference<>();
    private static final HttpServer SERVICE = service();

    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new LocalhostCookies(cookies))
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("portal.keycloak.public-url", KEYCLOAK::url);
        registry.add("portal.services.dossier-url", () -> "http://127.0.0.1:" + SERVICE.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        SERVICE.stop(0);
    }

    private static HttpServer service() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                RELAYED_AUTHORIZATION.set(exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
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

    /**
     * Browsers treat http://localhost as a secure context and send its Secure cookies (Keycloak's
     * session cookies are Secure); Java's cookie jar does not, so the flag is dropped here.
     */
    private static final class LocalhostCookies extends java.net.CookieHandler {

        private final CookieManager jar;

        LocalhostCookies(CookieManager jar) {
            this.jar = jar;
        }

        @Override
        public java.util.Map<String, java.util.List<String>> get(URI uri, java.util.Map<String, java.util.List<String>> headers)
                throws IOException {
            return jar.get(uri, headers);
        }

        @Override
        public void put(URI uri, java.util.Map<String, java.util.List<String>> headers) throws IOException {
            java.util.Map<String, java.util.List<String>> insecure = new java.util.HashMap<>();
            headers.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure", "")).toList() : values));
            jar.put(uri, insecure);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return browser.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)));
    }

    private HttpResponse<String> postForm(String url, String form, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request);
    }

    private static String location(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isBetween(300, 399);
        String location = response.headers().firstValue("Location").orElseThrow();
        return location.startsWith("/") ? PORTAL + location : location;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Logs in on Keycloak's page; returns the page Keycloak showed. */
    private String login(String username, String password) {
        String authorize = location(get(PORTAL + "/oauth2/authorization/keycloak"));
        assertThat(authorize).startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge=", "code_challenge_method=S256", "client_id=portal-gateway");
        HttpResponse<String> page = get(authorize);
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher action = Pattern.compile("id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                .matcher(page.body());
        assertThat(action.find()).as(page.body()).isTrue();
        String url = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
        String callback = location(postForm(url, "username=" + enc(username) + "&password=" + enc(password)
                + "&credentialId="));
        assertThat(callback).startsWith(PORTAL + "/login/oauth2/code/keycloak");
        String home = location(get(callback));
        assertThat(home).isEqualTo(PORTAL + "/");
        me(); // what the web app does first: it also hands out a fresh CSRF cookie for the new session
        return page.body();
    }

    private JsonNode me() {
        return JSON.readTree(get(PORTAL + "/api/me").body());
    }

    private static JsonNode payload(String bearer) {
        String jwt = bearer.substring("Bearer ".length());
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @Test
    void a_family_logs_in_on_keycloaks_french_page_and_the_browser_only_gets_a_session_cookie() {
        assertThat(me().get("authenticated").asBoolean()).isFalse();

        String loginPage = login("claire.durand", "Famille-Durand-6000");

        assertThat(loginPage).contains("lang=\"fr\"").contains("Portail Famille");
        JsonNode me = me();
        assertThat(me.get("authenticated").asBoolean()).isTrue();
        assertThat(me.get("familyName").asString()).isEqualTo("DURAND");
        assertThat(me.get("dossier").asString()).isEqualTo("6000");
        assertThat(me.get("roles").toString()).contains("famille");
        assertThat(me.toString()).doesNotContain("eyJ");
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("PORTAIL_SESSION")).findFirst().orElseThrow();
        assertThat(session.isHttpOnly()).isTrue();
        // Keycloak keeps its own session cookies under /realms/...; the portal's cookies hold no token.
        assertThat(cookies.getCookieStore().getCookies())
                .filteredOn(c -> c.getPath() == null || !c.getPath().startsWith("/realms/"))
                .extracting(HttpCookie::getName).containsExactlyInAnyOrder("PORTAIL_SESSION", "XSRF-TOKEN");
        assertThat(cookies.getCookieStore().getCookies())
                .filteredOn(c -> c.getPath() == null || !c.getPath().startsWith("/realms/"))
                .noneMatch(c -> c.getValue().contains("eyJ"));
    }

    @Test
    void the_access_token_is_relayed_to_the_services() {
        login("claire.durand", "Famille-Durand-6000");
        RELAYED_AUTHORIZATION.set(null);

        HttpResponse<String> response = get(PORTAL + "/api/dossier/dossiers/6000");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = payload(RELAYED_AUTHORIZATION.get());
        assertThat(token.get("iss").asString()).isEqualTo(KEYCLOAK.issuer());
        assertThat(token.get("dossier").asString()).isEqualTo("6000");
        assertThat(token.at("/realm_access/roles").toString()).contains("famille");
        assertThat(token.get("exp").asLong() - token.get("iat").asLong()).isEqualTo(300);
    }

    @Test
    void a_state_changing_call_needs_the_csrf_token() {
        login("claire.durand", "Famille-Durand-6000");
        RELAYED_AUTHORIZATION.set(null);

        HttpResponse<String> without = send(HttpRequest.newBuilder(URI.create(PORTAL + "/api/dossier/dossiers/6000/contact-details"))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(RELAYED_AUTHORIZATION.get()).as("nothing reached the service").isNull();

        String csrf = cookie("XSRF-TOKEN");
        assertThat(csrf).isNotBlank();
        HttpResponse<String> with = send(HttpRequest.newBuilder(URI.create(PORTAL + "/api/dossier/dossiers/6000/contact-details"))
                .header("Content-Type", "application/json").header("X-XSRF-TOKEN", csrf)
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(with.statusCode()).isEqualTo(200);
        assertThat(RELAYED_AUTHORIZATION.get()).startsWith("Bearer ");
    }

    @Test
    void a_family_cannot_open_agent_pages_and_an_anonymous_visitor_is_sent_to_login() {
        assertThat(location(get(PORTAL + "/agent"))).isEqualTo(PORTAL + "/oauth2/authorization/keycloak");

        login("claire.durand", "Famille-Durand-6000");

        assertThat(get(PORTAL + "/agent/dossiers").statusCode()).isEqualTo(403);
    }

    @Test
    void logout_ends_the_gateway_session_and_the_keycloak_session() {
        login("claire.durand", "Famille-Durand-6000");

        String endSession = location(postForm(PORTAL + "/logout", "_csrf=" + enc(cookie("XSRF-TOKEN"))));

        assertThat(endSession).startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=");
        assertThat(URLDecoder.decode(endSession, StandardCharsets.UTF_8)).contains("post_logout_redirect_uri=" + PORTAL + "/");
        assertThat(location(get(endSession))).isEqualTo(PORTAL + "/");
        assertThat(me().get("authenticated").asBoolean()).isFalse();
        // Keycloak forgot us too: logging in again shows its login page instead of coming straight back.
        HttpResponse<String> again = get(location(get(PORTAL + "/oauth2/authorization/keycloak")));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("kc-form-login");
    }

    @Test
    void a_wrong_password_is_refused_in_french() {
        String authorize = location(get(PORTAL + "/oauth2/authorization/keycloak"));
        HttpResponse<String> page = get(authorize);
        Matcher action = Pattern.compile("action=\"([^\"]+)\"").matcher(page.body());
        assertThat(action.find()).isTrue();

        HttpResponse<String> refused = postForm(action.group(1).replace("&amp;", "&"),
                "username=claire.durand&password=pas-le-bon-mot-de-passe&credentialId=");

        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).containsIgnoringCase("invalide");
        assertThat(me().get("authenticated").asBoolean()).isFalse();
    }
}
