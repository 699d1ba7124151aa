package fr.portailfamille.gateway.session;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The one rule for the gateway's own cookies (session, CSRF token, login in progress, page to come back
 * to): Secure when {@code server.reactive.session.cookie.secure} is true (every deployment: TLS ends at
 * the ingress, so the request itself cannot tell), and then named with the {@code __Host-} prefix, which
 * browsers accept only with Secure, {@code Path=/} and no {@code Domain}: a sibling sub-domain or a
 * man-in-the-middle on plain http cannot plant or overwrite them (issue 13, item 4). On
 * {@code http://localhost} (local profile) the flag is off and the names stay plain.
 */
@Component
public class PortalCookies {

    static final String HOST_PREFIX = "__Host-";

    private final boolean secure;
    private final String sessionCookie;

    public PortalCookies(@Value("${server.reactive.session.cookie.secure:false}") boolean secure,
                         @Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
        this.secure = secure;
        this.sessionCookie = sessionCookie;
    }

    /** The session cookie's name as browsers see it: {@code PORTAIL_SESSION} or {@code __Host-PORTAIL_SESSION}. */
    public String sessionCookieName() {
        return name(sessionCookie);
    }

    public boolean secure() {
        return secure;
    }

    /** {@code base}, or {@code __Host-base} when cookies are Secure. */
    public String name(String base) {
        if (!secure || base.startsWith(HOST_PREFIX)) {
            return base;
        }
        return HOST_PREFIX + base;
    }

    /** Secure (when configured), path {@code /}, no domain: what {@code __Host-} requires. */
    public ResponseCookie.ResponseCookieBuilder apply(ResponseCookie.ResponseCookieBuilder cookie) {
        return cookie.secure(secure).path("/").domain(null);
    }
}
