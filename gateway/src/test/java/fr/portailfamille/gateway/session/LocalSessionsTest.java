package fr.portailfamille.gateway.session;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionIdResolver;
import org.springframework.web.server.session.WebSessionManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway of the profile {@code local} (sessions in memory, capped by {@code max-sessions}; here 5
 * instead of 10,000), with Secure cookies as in a deployment: no number of anonymous visits to the login
 * start fills the store (before, the 6th got a 500 and nobody could log in any more), and every cookie
 * of the gateway is {@code __Host-} (issue 13, items 9 and 4).
 */
@ActiveProfiles("local")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.reactive.session.max-sessions=5", "server.reactive.session.cookie.secure=true"})
class LocalSessionsTest {

    @LocalServerPort
    int port;

    @Autowired
    WebSessionManager sessionManager;

    @Autowired
    WebSessionIdResolver sessionIds;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
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

    private int storedSessions() {
        return ((InMemoryWebSessionStore) ((DefaultWebSessionManager) sessionManager).getSessionStore()).getSessions().size();
    }

    @Test
    void many_anonymous_login_starts_store_no_session_and_each_gets_its_redirect_to_keycloak() {
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> start = get("/oauth2/authorization/keycloak");

            assertThat(start.statusCode()).as("visit " + i).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow())
                    .contains("/protocol/openid-connect/auth", "code_challenge=");
            assertThat(start.headers().allValues("Set-Cookie")).noneMatch(c -> c.contains("PORTAIL_SESSION"));
            assertThat(get("/agent/dossiers", "Accept", "text/html").statusCode()).isEqualTo(302);
        }

        assertThat(storedSessions()).isZero();
    }

    @Test
    void secure_cookies_are_named_host_with_path_root_and_no_domain() {
        List<String> login = get("/oauth2/authorization/keycloak").headers().allValues("Set-Cookie");
        assertThat(login).anySatisfy(c -> assertThat(c).startsWith("__Host-PORTAIL_LOGIN=")
                .contains("Path=/", "Secure", "SameSite=Lax").containsIgnoringCase("HttpOnly")
                .doesNotContainIgnoringCase("Domain="));

        List<String> page = get("/", "Accept", "text/html").headers().allValues("Set-Cookie");
        assertThat(page).anySatisfy(c -> assertThat(c).startsWith("__Host-XSRF-TOKEN=")
                .contains("Path=/", "Secure").doesNotContainIgnoringCase("Domain=").doesNotContainIgnoringCase("HttpOnly"));
        assertThat(page).noneMatch(c -> c.startsWith("XSRF-TOKEN="));

        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/"));
        sessionIds.setSessionId(exchange, "abc");
        assertThat(exchange.getResponse().getCookies().getFirst("__Host-PORTAIL_SESSION")).satisfies(cookie -> {
            assertThat(cookie.isSecure()).isTrue();
            assertThat(cookie.isHttpOnly()).isTrue();
            assertThat(cookie.getPath()).isEqualTo("/");
            assertThat(cookie.getDomain()).isNull();
            assertThat(cookie.getSameSite()).isEqualTo("Lax");
        });
    }
}
