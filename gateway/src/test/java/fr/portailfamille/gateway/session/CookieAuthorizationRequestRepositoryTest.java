package fr.portailfamille.gateway.session;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The login in progress, sealed in a cookie: read back only intact, in time, with its state, with the same key. */
class CookieAuthorizationRequestRepositoryTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");
    private static final PortalCookies PLAIN = new PortalCookies(false, "PORTAIL_SESSION");

    private final CookieAuthorizationRequestRepository repository = repository("secret", NOW);

    private static CookieAuthorizationRequestRepository repository(String secret, Instant now) {
        return new CookieAuthorizationRequestRepository(PLAIN, secret, Duration.ofMinutes(30), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static OAuth2AuthorizationRequest request() {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri("http://localhost:8180/realms/portail-famille/protocol/openid-connect/auth")
                .clientId("portal-gateway")
                .redirectUri("http://localhost:8080/login/oauth2/code/keycloak")
                .scope("openid", "profile")
                .state("the-state")
                .additionalParameters(Map.of("nonce", "n-hash", "code_challenge", "challenge", "code_challenge_method", "S256"))
                .attributes(Map.of("registration_id", "keycloak", "code_verifier", "verifier", "nonce", "nonce"))
                .authorizationRequestUri("http://localhost:8180/auth?state=the-state")
                .build();
    }

    private String saved() {
        MockServerWebExchange start = MockServerWebExchange.from(MockServerHttpRequest.get("/oauth2/authorization/keycloak"));
        repository.saveAuthorizationRequest(request(), start).block();
        ResponseCookie cookie = start.getResponse().getCookies().getFirst("PORTAIL_LOGIN");
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getMaxAge()).isEqualTo(Duration.ofMinutes(30));
        assertThat(cookie.getValue()).doesNotContain("verifier").doesNotContain("portal-gateway");
        return cookie.getValue();
    }

    private static MockServerWebExchange callback(String state, String cookie) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/login/oauth2/code/keycloak?code=c&state=" + state)
                .cookie(new HttpCookie("PORTAIL_LOGIN", cookie)));
    }

    @Test
    void the_request_comes_back_whole_with_its_state_and_the_cookie_is_then_deleted() {
        MockServerWebExchange callback = callback("the-state", saved());

        OAuth2AuthorizationRequest back = repository.removeAuthorizationRequest(callback).block();

        assertThat(back).usingRecursiveComparison().isEqualTo(request());
        assertThat(callback.getResponse().getCookies().getFirst("PORTAIL_LOGIN").getMaxAge()).isZero();
    }

    @Test
    void another_state_an_altered_cookie_another_key_or_a_late_callback_get_nothing() {
        String cookie = saved();
        char last = cookie.charAt(cookie.length() - 2);
        String altered = cookie.substring(0, cookie.length() - 2) + (last == 'A' ? 'B' : 'A') + cookie.charAt(cookie.length() - 1);

        assertThat(repository.loadAuthorizationRequest(callback("other-state", cookie)).block()).isNull();
        assertThat(repository.loadAuthorizationRequest(callback("the-state", altered)).block()).isNull();
        assertThat(repository.loadAuthorizationRequest(callback("the-state", "not-base64!")).block()).isNull();
        assertThat(repository("other-secret", NOW).loadAuthorizationRequest(callback("the-state", cookie)).block()).isNull();
        assertThat(repository("secret", NOW.plus(Duration.ofMinutes(31)))
                .loadAuthorizationRequest(callback("the-state", cookie)).block()).isNull();
        assertThat(repository("secret", NOW.plus(Duration.ofMinutes(29)))
                .loadAuthorizationRequest(callback("the-state", cookie)).block()).isNotNull();
    }
}
