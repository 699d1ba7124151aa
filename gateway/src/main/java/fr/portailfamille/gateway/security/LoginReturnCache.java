package fr.portailfamille.gateway.security;

import fr.portailfamille.gateway.session.PortalCookies;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.CookieServerRequestCache;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * The page to come back to after logging in (e.g. {@code /agent/dossiers} opened before login), kept in
 * a cookie rather than the server session, like the login in progress: an anonymous visit stores nothing
 * on the server. Spring's {@link CookieServerRequestCache} does the work; this keeps its cookie Secure by
 * configuration, only touches responses when the browser sent one, and follows only a path of the
 * portal (never another site, whatever the cookie says).
 */
class LoginReturnCache implements ServerRequestCache {

    private static final String COOKIE = "REDIRECT_URI";

    private final CookieServerRequestCache delegate = new CookieServerRequestCache();

    LoginReturnCache(PortalCookies cookies) {
        delegate.setCookieCustomizer(cookie -> cookie.secure(cookies.secure()));
    }

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return delegate.saveRequest(exchange);
    }

    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return delegate.getRedirectUri(exchange).onErrorResume(e -> Mono.empty()).filter(LoginReturnCache::isPortalPath);
    }

    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        if (!exchange.getRequest().getCookies().containsKey(COOKIE)) {
            return Mono.empty();
        }
        return delegate.removeMatchingRequest(exchange);
    }

    static boolean isPortalPath(URI uri) {
        String path = uri.getRawPath();
        return uri.getScheme() == null && uri.getRawAuthority() == null && path != null && path.startsWith("/")
                && !path.startsWith("//") && !path.contains("\\");
    }
}
