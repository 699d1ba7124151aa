package fr.portailfamille.gateway.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

/**
 * Keycloak ended a user's session (logout elsewhere, password changed or reset, account disabled or
 * deleted, an administrator's « déconnecter »): its back-channel logout token, already checked by Spring
 * Security (signature, issuer, audience, events), names the Keycloak session ({@code sid}) or the user
 * ({@code sub}). The gateway sessions linked to it are deleted from the session store directly, on
 * whichever replica Keycloak reached (Spring's default handler would instead post to {@code /logout} of
 * the URL Keycloak called, with the session cookie, which depends on the ingress and on the cookie's
 * name).
 */
public class BackChannelLogoutHandler implements ServerLogoutHandler {

    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogoutHandler.class);

    private final ReactiveOidcSessionRegistry registry;
    private final WebSessionStore sessions;

    public BackChannelLogoutHandler(ReactiveOidcSessionRegistry registry, WebSessionStore sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
            return Mono.empty();
        }
        return registry.removeSessionInformation(token)
                .concatMap(session -> sessions.removeSession(session.getSessionId()).thenReturn(1))
                .count()
                .doOnNext(count -> LOG.info("Keycloak back-channel logout of {}: {} gateway session(s) ended",
                        token.getSubject(), count))
                .then();
    }
}
