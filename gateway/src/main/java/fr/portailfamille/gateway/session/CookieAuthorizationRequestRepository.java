package fr.portailfamille.gateway.session;

import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.security.oauth2.client.web.server.ServerAuthorizationRequestRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Keeps the login in progress (OAuth2 authorization request: state, nonce, PKCE verifier) in a cookie
 * instead of the server session, so that a visit to {@code /oauth2/authorization/keycloak} stores
 * nothing on the server: no anonymous visitor can fill the session store and lock everyone out
 * (issue 13, item 9). The cookie is encrypted and authenticated (AES-256-GCM, key derived from the
 * gateway's Keycloak client secret, so every replica reads it), expires after {@code lifetime} (also
 * checked inside, whatever the browser keeps), is HttpOnly, SameSite=Lax (the callback is a top-level
 * navigation from Keycloak), and {@code __Host-}/Secure when cookies are secure. It is read only with
 * the matching {@code state} and deleted when the login completes. One login in progress per browser,
 * as with the session.
 */
public class CookieAuthorizationRequestRepository implements ServerAuthorizationRequestRepository<OAuth2AuthorizationRequest> {

    static final String COOKIE = "PORTAIL_LOGIN";
    private static final String KEY_LABEL = "portail-famille/gateway/authorization-request-cookie/v1";
    private static final byte[] AAD = COOKIE.getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final PortalCookies cookies;
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CookieAuthorizationRequestRepository(PortalCookies cookies, String clientSecret, Duration lifetime) {
        this(cookies, clientSecret, lifetime, Clock.systemUTC());
    }

    CookieAuthorizationRequestRepository(PortalCookies cookies, String clientSecret, Duration lifetime, Clock clock) {
        this.cookies = cookies;
        this.key = new SecretKeySpec(derive(clientSecret), "AES");
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** What the cookie holds, encrypted. */
    record Stored(String authorizationUri, String clientId, String redirectUri, Set<String> scopes, String state,
                  Map<String, String> additionalParameters, Map<String, String> attributes,
                  String authorizationRequestUri, long expiresAt) {
    }

    String cookieName() {
        return cookies.name(COOKIE);
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> loadAuthorizationRequest(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> read(exchange));
    }

    @Override
    public Mono<Void> saveAuthorizationRequest(OAuth2AuthorizationRequest request, ServerWebExchange exchange) {
        if (request == null) {
            return removeAuthorizationRequest(exchange).then();
        }
        return Mono.fromRunnable(() -> {
            Stored stored = new Stored(request.getAuthorizationUri(), request.getClientId(), request.getRedirectUri(),
                    request.getScopes(), request.getState(), strings(request.getAdditionalParameters()),
                    strings(request.getAttributes()), request.getAuthorizationRequestUri(),
                    clock.instant().plus(lifetime).getEpochSecond());
            exchange.getResponse().addCookie(cookie(encrypt(JSON.writeValueAsBytes(stored)), lifetime));
        });
    }

    @Override
    public Mono<OAuth2AuthorizationRequest> removeAuthorizationRequest(ServerWebExchange exchange) {
        return Mono.fromSupplier(() -> {
            OAuth2AuthorizationRequest request = read(exchange);
            if (exchange.getRequest().getCookies().containsKey(cookieName())) {
                exchange.getResponse().addCookie(cookie("", Duration.ZERO));
            }
            return request;
        });
    }

    private OAuth2AuthorizationRequest read(ServerWebExchange exchange) {
        String state = exchange.getRequest().getQueryParams().getFirst("state");
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(cookieName());
        if (state == null || cookie == null || cookie.getValue().isEmpty()) {
            return null;
        }
        byte[] plain = decrypt(cookie.getValue());
        if (plain == null) {
            return null;
        }
        Stored stored = JSON.readValue(plain, Stored.class);
        if (stored.expiresAt() < clock.instant().getEpochSecond() || !state.equals(stored.state())) {
            return null;
        }
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(stored.authorizationUri())
                .clientId(stored.clientId())
                .redirectUri(stored.redirectUri())
                .scopes(stored.scopes())
                .state(stored.state())
                .additionalParameters(new LinkedHashMap<>(stored.additionalParameters()))
                .attributes(new LinkedHashMap<>(stored.attributes()))
                .authorizationRequestUri(stored.authorizationRequestUri())
                .build();
    }

    private ResponseCookie cookie(String value, Duration maxAge) {
        return cookies.apply(ResponseCookie.from(cookieName(), value)).httpOnly(true).sameSite("Lax").maxAge(maxAge).build();
    }

    private static Map<String, String> strings(Map<String, Object> values) {
        Map<String, String> strings = new LinkedHashMap<>();
        values.forEach((name, value) -> strings.put(name, String.valueOf(value)));
        return strings;
    }

    private String encrypt(byte[] plain) {
        try {
            byte[] iv = new byte[IV_BYTES];
            random.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM unavailable", e);
        }
    }

    /** The plain bytes, or null when the value was not sealed with this key (forged, altered, other key). */
    private byte[] decrypt(String value) {
        try {
            byte[] all = Base64.getUrlDecoder().decode(value);
            if (all.length <= IV_BYTES + 16) {
                return null;
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, IV_BYTES));
            cipher.updateAAD(AAD);
            return cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return null;
        }
    }

    private static byte[] derive(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
