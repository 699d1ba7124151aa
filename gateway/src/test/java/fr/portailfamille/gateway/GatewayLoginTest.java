package fr.portailfamille.gateway;

import fr.portailfamille.testsupport.FreePorts;
import fr.portailfamille.testsupport.PortalSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static fr.portailfamille.testsupport.PortalSession.enc;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway as backend-for-frontend against the real Keycloak: login with PKCE on Keycloak's French
 * page, session cookie only, /api/me, token relay to a service, CSRF, agent pages, and logout from
 * Keycloak too.
 *
 * <p>Here the gateway runs as in a deployment, sessions in a real Redis (the default outside the
 * profile {@code local}): a second replica sees the sessions of the first, tokens included. The
 * in-memory store of the profile {@code local} is what e2e and the browser tests run on.
 */
class GatewayLoginTest extends KeycloakGatewayTest {

    private static ConfigurableApplicationContext replica;

    @AfterAll
    static void stop() {
        if (replica != null) {
            replica.close();
        }
    }

    /** A second gateway replica on the same Redis (command-line arguments: above any SPRING_PROFILES_ACTIVE). */
    private static synchronized int replica() {
        if (replica == null) {
            replica = new SpringApplicationBuilder(GatewayApplication.class).run(
                    "--spring.profiles.active=redis-session",
                    "--portal.startup-checks.enabled=false",
                    "--portal.cgu-gate.enabled=false",
                    "--server.port=" + FreePorts.next(),
                    "--portal.keycloak.public-url=" + KEYCLOAK.url(),
                    "--portal.services.dossier-url=" + serviceUrl(),
                    "--spring.data.redis.host=127.0.0.1",
                    "--spring.data.redis.port=" + REDIS.port());
        }
        return replica.getEnvironment().getProperty("local.server.port", Integer.class);
    }

    @Test
    void a_second_gateway_replica_sees_the_session_through_redis_and_relays_its_tokens() {
        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);
        String other = "http://localhost:" + replica();

        HttpResponse<String> me = family.get(URI.create(other + "/api/me"));

        JsonNode body = JSON.readTree(me.body());
        assertThat(body.get("authenticated").asBoolean()).isTrue();
        assertThat(body.get("dossier").asString()).isEqualTo("6000");
        // The tokens are in the session too (not in the memory of the replica that logged in).
        RELAYED_AUTHORIZATION.set(null);
        assertThat(family.get(URI.create(other + "/api/dossier/dossiers/6000")).statusCode()).isEqualTo(200);
        assertThat(payload(RELAYED_AUTHORIZATION.get()).get("dossier").asString()).isEqualTo("6000");
    }

    @Test
    void a_family_logs_in_with_pkce_on_keycloaks_french_page_and_the_browser_only_gets_a_session_cookie() {
        PortalSession browser = new PortalSession(PORTAL);
        assertThat(me(browser).get("authenticated").asBoolean()).isFalse();

        HttpResponse<String> page = browser.loginPage();

        assertThat(page.uri().toString()).startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/auth")
                .contains("code_challenge=", "code_challenge_method=S256", "client_id=portal-gateway");
        assertThat(page.body()).contains("lang=\"fr\"", "Portail Famille");
        // The families' guide: « mot de passe oublié » and « inscrivez-vous » on the login screen, to the portal's pages.
        assertThat(page.body()).contains("href=\"" + PORTAL + "/mot-de-passe-oublie\">mot de passe oublié</a>",
                "href=\"" + PORTAL + "/inscription\">inscrivez-vous</a>");
        assertThat(browser.submitLogin(page, FAMILY, FAMILY_PASSWORD)).isEqualTo(PORTAL + "/");
        JsonNode me = me(browser);
        assertThat(me.get("authenticated").asBoolean()).isTrue();
        assertThat(me.get("familyName").asString()).isEqualTo("DURAND");
        assertThat(me.get("dossier").asString()).isEqualTo("6000");
        assertThat(me.get("roles").toString()).contains("famille");
        assertThat(me.toString()).doesNotContain("eyJ");
        // Keycloak keeps its own session cookies under /realms/...; the portal's cookies hold no token.
        assertThat(browser.cookies()).filteredOn(c -> c.getPath() == null || !c.getPath().startsWith("/realms/"))
                .extracting(HttpCookie::getName).containsExactlyInAnyOrder("PORTAIL_SESSION", "XSRF-TOKEN");
        assertThat(browser.cookies()).filteredOn(c -> c.getPath() == null || !c.getPath().startsWith("/realms/"))
                .noneMatch(c -> c.getValue().contains("eyJ"));
        assertThat(browser.cookies()).filteredOn(c -> c.getName().equals("PORTAIL_SESSION"))
                .allMatch(HttpCookie::isHttpOnly);
    }

    @Test
    void the_access_token_is_relayed_to_the_services() {
        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);
        RELAYED_AUTHORIZATION.set(null);

        assertThat(family.get("/api/dossier/dossiers/6000").status()).isEqualTo(200);

        JsonNode token = payload(RELAYED_AUTHORIZATION.get());
        assertThat(token.get("iss").asString()).isEqualTo(KEYCLOAK.issuer());
        assertThat(token.get("dossier").asString()).isEqualTo("6000");
        assertThat(token.at("/realm_access/roles").toString()).contains("famille");
        assertThat(token.get("exp").asLong() - token.get("iat").asLong()).isEqualTo(300);
    }

    @Test
    void a_state_changing_call_needs_the_csrf_token() {
        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);
        RELAYED_AUTHORIZATION.set(null);

        HttpResponse<String> without = family.raw(java.net.http.HttpRequest.newBuilder(
                        URI.create(PORTAL + "/api/dossier/dossiers/6000/contact-details"))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(without.statusCode()).isEqualTo(403);
        assertThat(RELAYED_AUTHORIZATION.get()).as("nothing reached the service").isNull();

        assertThat(family.put("/api/dossier/dossiers/6000/contact-details", "{}").status()).isEqualTo(200);
        assertThat(RELAYED_AUTHORIZATION.get()).startsWith("Bearer ");
    }

    @Test
    void a_family_cannot_open_agent_pages_and_an_anonymous_visitor_is_sent_to_login() {
        PortalSession visitor = new PortalSession(PORTAL);
        assertThat(visitor.location(visitor.get(URI.create(PORTAL + "/agent"))))
                .isEqualTo(PORTAL + "/oauth2/authorization/keycloak");

        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);

        assertThat(family.get(URI.create(PORTAL + "/agent/dossiers")).statusCode()).isEqualTo(403);
        assertThat(family.get(URI.create(PORTAL + "/AGENT/dossiers")).statusCode()).as("whatever the case").isEqualTo(403);
        assertThat(family.get(URI.create(PORTAL + "/Agent")).statusCode()).isEqualTo(403);
        PortalSession agent = PortalSession.login(PORTAL, "agent.jeunesse", "Agent-Jeunesse-2026");
        assertThat(agent.get(URI.create(PORTAL + "/agent/dossiers")).statusCode()).isEqualTo(200);
        assertThat(me(agent).get("services").toString()).contains("jeunesse");
    }

    @Test
    void logout_ends_the_gateway_session_and_the_keycloak_session() {
        PortalSession family = PortalSession.login(PORTAL, FAMILY, FAMILY_PASSWORD);

        String endSession = family.location(family.postForm("/logout", "_csrf=" + enc(family.cookie("XSRF-TOKEN"))));

        assertThat(endSession).startsWith(KEYCLOAK.issuer() + "/protocol/openid-connect/logout")
                .contains("id_token_hint=");
        assertThat(URLDecoder.decode(endSession, StandardCharsets.UTF_8)).contains("post_logout_redirect_uri=" + PORTAL + "/");
        assertThat(family.location(family.get(URI.create(endSession)))).isEqualTo(PORTAL + "/");
        assertThat(me(family).get("authenticated").asBoolean()).isFalse();
        // Keycloak forgot us too: logging in again shows its login form instead of coming straight back.
        HttpResponse<String> again = family.loginPage();
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(PortalSession.formAction(again.body())).contains("login-actions/authenticate");
    }

    @Test
    void a_wrong_password_is_refused_in_french_and_logs_nobody_in() {
        PortalSession visitor = new PortalSession(PORTAL);

        String landing = visitor.submitLogin(visitor.loginPage(), FAMILY, "pas-le-bon-mot-de-passe");

        assertThat(landing).startsWith(KEYCLOAK.issuer());
        assertThat(me(visitor).get("authenticated").asBoolean()).isFalse();
    }
}
