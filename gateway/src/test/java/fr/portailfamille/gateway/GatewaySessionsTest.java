package fr.portailfamille.gateway;

import fr.portailfamille.testsupport.PortalSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static fr.portailfamille.testsupport.PortalSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's sessions as an attacker and Keycloak see them (issue 13, item 9), on Redis as in a
 * deployment: anonymous visits store nothing on the server; logout kills the session and its tokens;
 * Keycloak ending the user's session ends the gateway's; the session cookie always needs the CSRF
 * token, bearer or not.
 */
class GatewaySessionsTest extends KeycloakGatewayTest {

    private static final String SESSIONS = "portail-famille:gateway:sessions:*";
    private static final String AUTHORIZED_CLIENTS =
            "org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository.AUTHORIZED_CLIENTS";

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    WebSessionManager sessionManager;

    private long storedSessions() {
        return redis.keys(SESSIONS).count().block();
    }

    private WebSession session(String id) {
        return ((DefaultWebSessionManager) sessionManager).getSessionStore().retrieveSession(id).block();
    }

    private String refreshToken(PortalSession browser) {
        WebSession session = session(browser.cookie("PORTAIL_SESSION"));
        assertThat(session).as("the session is in the store").isNotNull();
        Map<?, ?> clients = session.getAttribute(AUTHORIZED_CLIENTS);
        assertThat(clients).as("the tokens are in the session").isNotNull();
        return ((OAuth2AuthorizedClient) clients.get("keycloak")).getRefreshToken().getTokenValue();
    }

    private static List<String> setCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie");
    }

    @Test
    void anonymous_visits_to_the_login_start_store_no_session_and_logging_in_still_works() {
        long before = storedSessions();

        for (int i = 0; i < 30; i++) {
            PortalSession visitor = new PortalSession(PORTAL);
            HttpResponse<String> start = visitor.raw(HttpRequest.newBuilder(URI.create(PORTAL + "/oauth2/authorization/keycloak")));
            assertThat(start.statusCode()).isEqualTo(302);
            assertThat(start.headers().firstValue("Location").orElseThrow()).startsWith(KEYCLOAK.issuer());
            assertThat(setCookies(start)).noneMatch(c -> c.contains("PORTAIL_SESSION"));
            assertThat(setCookies(start)).anyMatch(c -> c.startsWith("PORTAIL_LOGIN=") && c.toLowerCase().contains("httponly"));
            HttpResponse<String> agentPage = visitor.raw(HttpRequest.newBuilder(URI.create(PORTAL + "/agent/dossiers"))
                    .header("Accept", "text/html"));
            assertThat(agentPage.statusCode()).isEqualTo(302);
            assertThat(setCookies(agentPage)).noneMatch(c -> c.contains("PORTAIL_SESSION"));
        }

        assertThat(storedSessions()).as("nothing stored for anonymous visitors").isEqualTo(before);
        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);
        assertThat(me(family).get("authenticated").asBoolean()).isTrue();
        assertThat(family.cookies()).noneMatch(c -> c.getName().equals("PORTAIL_LOGIN"));
        assertThat(storedSessions()).isEqualTo(before + 1);
    }

    @Test
    void a_login_callback_without_the_login_cookie_logs_nobody_in() {
        PortalSession victim = new PortalSession(PORTAL);
        HttpResponse<String> page = victim.loginPage();
        // The code and state reach another browser (a forged link): without the login cookie, nothing.
        String callback = victim.location(victim.postForm(PortalSession.formAction(page.body()),
                "username=" + enc(FAMILY) + "&password=" + enc(FAMILY_PASSWORD) + "&credentialId="));
        PortalSession attacker = new PortalSession(PORTAL);

        HttpResponse<String> answer = attacker.get(URI.create(callback));

        assertThat(answer.headers().firstValue("Location").orElse("")).doesNotEndWith(PORTAL + "/");
        assertThat(me(attacker).get("authenticated").asBoolean()).isFalse();
    }

    @Test
    void after_logout_the_old_session_cookie_gets_401_and_the_refresh_token_is_dead_at_keycloak() {
        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);
        String oldCookie = family.cookie("PORTAIL_SESSION");
        String refreshToken = refreshToken(family);
        assertThat(refreshAtKeycloak(refreshToken)).as("usable before the logout").isEqualTo(200);

        // The browser does not follow the redirect to Keycloak's logout page: the gateway alone must do it.
        HttpResponse<String> logout = family.postForm("/logout", "_csrf=" + enc(family.cookie("XSRF-TOKEN")));
        assertThat(logout.statusCode()).isEqualTo(302);

        RELAYED_AUTHORIZATION.set(null);
        HttpResponse<String> replay = send(HttpRequest.newBuilder(URI.create(PORTAL + "/api/dossier/dossiers/6000"))
                .header("Cookie", "PORTAIL_SESSION=" + oldCookie));
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(RELAYED_AUTHORIZATION.get()).as("no token relayed for the old cookie").isNull();
        assertThat(session(oldCookie)).as("the session is gone from the store").isNull();
        assertThat(refreshAtKeycloak(refreshToken)).as("revoked at Keycloak").isEqualTo(400);
    }

    @Test
    void when_keycloak_ends_the_users_sessions_the_gateway_session_ends_too() {
        String username = "famille.deconnectee";
        KEYCLOAK.createFamilyAccount(username, "Famille-Deconnectee-6001", "6001");
        PortalSession family = PortalSession.login(PORTAL, username, "Famille-Deconnectee-6001");
        String sessionId = family.cookie("PORTAIL_SESSION");
        assertThat(family.get("/api/dossier/dossiers/6001").status()).isEqualTo(200);
        assertThat(redis.keys("portail-famille:gateway:oidc:sid:*").count().block())
                .as("the Keycloak session is linked to the gateway session in Redis, for every replica").isPositive();
        String userId = KEYCLOAK.findUser(username).orElseThrow().get("id").asString();

        // What identity-service does after a password change or reset: Keycloak ends every session of the
        // user and tells each client on its back-channel logout URL.
        assertThat(keycloakAdmin("POST", "/users/" + userId + "/logout").statusCode()).isEqualTo(204);

        assertThat(session(sessionId)).as("the gateway session is gone from the store").isNull();
        RELAYED_AUTHORIZATION.set(null);
        assertThat(family.get("/api/dossier/dossiers/6001").status()).isEqualTo(401);
        assertThat(RELAYED_AUTHORIZATION.get()).isNull();
        assertThat(me(family).get("authenticated").asBoolean()).isFalse();
    }

    @Test
    void a_state_changing_call_with_the_session_cookie_needs_the_csrf_token_even_with_a_bearer_token() {
        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);
        RELAYED_AUTHORIZATION.set(null);

        HttpResponse<String> withCookie = family.raw(HttpRequest.newBuilder(
                        URI.create(PORTAL + "/api/dossier/dossiers/6000/contact-details"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(withCookie.statusCode()).isEqualTo(403);
        assertThat(RELAYED_AUTHORIZATION.get()).as("nothing reached the service").isNull();
        // An API client with its own token and no session cookie needs no CSRF token.
        HttpResponse<String> apiClient = send(HttpRequest.newBuilder(
                        URI.create(PORTAL + "/api/dossier/dossiers/6000/contact-details"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer eyJhbGciOiJub25lIn0.e30.")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(apiClient.statusCode()).isEqualTo(200);
        assertThat(RELAYED_AUTHORIZATION.get()).isEqualTo("Bearer eyJhbGciOiJub25lIn0.e30.");
    }
}
