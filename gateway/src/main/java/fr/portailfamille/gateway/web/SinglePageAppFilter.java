package fr.portailfamille.gateway.web;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.util.List;

/**
 * The web app's routes ({@code /mon-dossier}, {@code /agent/...}) are the app's, not files: a page
 * request for them gets {@code index.html}, and the app shows the page. Runs after Spring Security
 * (order -100), which has already decided on the original path. {@code index.html} is never cached,
 * so a new version reaches people at once (its assets have hashed names and may be cached).
 */
@Component
@Order(0)
public class SinglePageAppFilter implements WebFilter {

    static final String IMMUTABLE = "public, max-age=31536000, immutable";

    private static final List<String> SERVER_PATHS = List.of(
            "/api/", "/oauth2/", "/login/", "/logout", "/actuator", "/fallback/", "/assets/", "/dsfr/");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (isAppRoute(exchange, path)) {
            exchange.getResponse().getHeaders().setCacheControl("no-cache");
            return chain.filter(exchange.mutate().request(r -> r.path("/index.html")).build());
        }
        if (path.startsWith("/assets/")) {
            // Vite names every asset after its content: a name never changes content, so browsers
            // keep them a year without asking again (fewer requests on each page after login).
            exchange.getResponse().beforeCommit(() -> {
                if (exchange.getResponse().getStatusCode() != null && exchange.getResponse().getStatusCode().is2xxSuccessful()) {
                    exchange.getResponse().getHeaders().setCacheControl(IMMUTABLE);
                }
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    static boolean isAppRoute(ServerWebExchange exchange, String path) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        if (path.equals("/") || path.equals("/index.html")) {
            return true;
        }
        if (SERVER_PATHS.stream().anyMatch(path::startsWith)) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".");
    }
}
