package fr.portailfamille.gateway.cgu;

import fr.portailfamille.gateway.routing.ServicesProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;

/**
 * The CGU gate on every call the gateway routes to a service other than identity-service: if the call
 * carries a user's access token (the session's, relayed, or the client's own bearer token), identity-service
 * is asked, with that token, whether its holder must first accept the CGU in force
 * ({@code GET /api/identity/me/cgu}). Then:
 * <ul>
 *   <li>no: the call goes on, and the answer is remembered for that token for
 *       {@code portal.cgu-gate.remember} (2 minutes);</li>
 *   <li>yes: 403 problem+json {@code urn:portail-famille:problem:cgu-a-accepter}, nothing reaches the
 *       service; the web app then shows « Nouvelles conditions générales d'utilisation »;</li>
 *   <li>identity-service refuses the token (401): 401, whatever the other service would have said;</li>
 *   <li>identity-service unreachable, too slow, or any other answer: 503 with {@code Retry-After}, never
 *       the call let through unchecked.</li>
 * </ul>
 * Calls without a bearer token (anonymous pages, the bank's notifications) are the services' to refuse
 * or serve. Agents and admins are asked about too (identity-service answers no, and the answer is
 * remembered like a family's).
 *
 * <p>Order {@value #ORDER}: after the route's own filters (order 0), so that the token relay has put
 * the session's access token, refreshed if needed, in {@code Authorization}.
 */
@Component
public class CguGateFilter implements GlobalFilter, Ordered {

    /** After the routes' filters (TokenRelay and the circuit breaker, order 0), before the routing ones. */
    static final int ORDER = 1;

    static final String STATUS_PATH = "/api/identity/me/cgu";

    static final String MUST_ACCEPT = """
            {"type":"urn:portail-famille:problem:cgu-a-accepter",\
            "title":"Conditions générales d'utilisation à accepter","status":403,\
            "detail":"Acceptez les conditions générales d'utilisation en vigueur pour continuer."}""";

    static final String UNAUTHENTICATED = """
            {"type":"urn:portail-famille:problem:authentification-requise","title":"Authentification requise",\
            "status":401,"detail":"Votre session a expiré ou n'est pas valide : reconnectez-vous."}""";

    static final String UNAVAILABLE = """
            {"type":"urn:portail-famille:problem:service-indisponible","title":"Service momentanément indisponible",\
            "status":503,"detail":"La vérification des conditions générales d'utilisation est momentanément \
            indisponible. Réessayez dans quelques minutes."}""";

    private static final Logger LOG = LoggerFactory.getLogger(CguGateFilter.class);

    private enum Verdict { ACCEPTED, MUST_ACCEPT, UNAUTHENTICATED, UNAVAILABLE }

    private final CguGateProperties properties;
    private final URI identity;
    private final WebClient client;
    private final AcceptedTokens accepted;

    @Autowired
    public CguGateFilter(CguGateProperties properties, ServicesProperties services) {
        this(properties, services.identityUrl(), Clock.systemUTC());
    }

    CguGateFilter(CguGateProperties properties, String identityUrl, Clock clock) {
        this.properties = properties;
        this.identity = URI.create(identityUrl);
        this.client = WebClient.builder().baseUrl(identityUrl).build();
        this.accepted = new AcceptedTokens(properties.remember(), properties.remembered(), clock);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String token = bearerToken(exchange);
        if (!properties.enabled() || token == null || toIdentityService(exchange) || accepted.accepted(token)) {
            return chain.filter(exchange);
        }
        return ask(token).flatMap(verdict -> switch (verdict) {
            case ACCEPTED -> {
                accepted.remember(token);
                yield chain.filter(exchange);
            }
            case MUST_ACCEPT -> refuse(exchange, HttpStatus.FORBIDDEN, MUST_ACCEPT);
            case UNAUTHENTICATED -> refuse(exchange, HttpStatus.UNAUTHORIZED, UNAUTHENTICATED);
            case UNAVAILABLE -> {
                exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, "30");
                yield refuse(exchange, HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE);
            }
        });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    private static String bearerToken(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() ? null : token;
    }

    /** identity-service's own APIs are the account's: reachable before the CGU are accepted. */
    private boolean toIdentityService(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        return route != null && sameService(identity, route.getUri());
    }

    /** Same scheme, host and port ({@code http://identity-service} is routed as {@code http://identity-service:80}). */
    static boolean sameService(URI a, URI b) {
        return a.getScheme() != null && a.getHost() != null && b.getScheme() != null && b.getHost() != null
                && a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private Mono<Verdict> ask(String token) {
        return client.get().uri(STATUS_PATH)
                .headers(headers -> headers.setBearerAuth(token))
                .accept(MediaType.APPLICATION_JSON)
                .exchangeToMono(response -> {
                    int status = response.statusCode().value();
                    if (status == 200) {
                        return response.bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                                .map(CguGateFilter::verdictOf)
                                .defaultIfEmpty(Verdict.UNAVAILABLE);
                    }
                    Verdict verdict = status == 401 ? Verdict.UNAUTHENTICATED : Verdict.UNAVAILABLE;
                    if (verdict == Verdict.UNAVAILABLE) {
                        LOG.warn("CGU gate: identity-service answered {} to {}", status, STATUS_PATH);
                    }
                    return response.releaseBody().thenReturn(verdict);
                })
                .timeout(properties.timeout())
                .onErrorResume(e -> {
                    LOG.warn("CGU gate: identity-service unreachable ({})", e.toString());
                    return Mono.just(Verdict.UNAVAILABLE);
                });
    }

    private static Verdict verdictOf(Map<String, Object> body) {
        Object mustAccept = body.get("mustAccept");
        if (Boolean.FALSE.equals(mustAccept)) {
            return Verdict.ACCEPTED;
        }
        return Boolean.TRUE.equals(mustAccept) ? Verdict.MUST_ACCEPT : Verdict.UNAVAILABLE;
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, HttpStatus status, String problem) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer body = response.bufferFactory().wrap(problem.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(body));
    }
}
