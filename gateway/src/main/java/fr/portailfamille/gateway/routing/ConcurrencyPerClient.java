package fr.portailfamille.gateway.routing;

import fr.portailfamille.gateway.session.PortalCookies;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpCookie;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sheds the excess of one client's burst at the door, and only that client's (issue 13, item 2): at
 * most {@code portal.gateway.per-client.max-concurrent} calls of one client are on their way to the
 * services at once; the next ones get 429 problem+json with {@code Retry-After: 1} at once, so the
 * burst neither queues in front of everybody else nor reaches the services. A client is its bearer
 * token, else its session cookie: a logged-in person. Anonymous calls are not counted here (many
 * families may share one address behind a town hall's or a school's NAT; the anonymous endpoints that
 * matter have their own limits in identity-service). A browser makes a handful of calls at once: the
 * default of 20 is never met by a person.
 *
 * <p>Measured in bench/ (scenario {@code burst}): 200 connections of one family against its dossier,
 * while another family reads its own.
 */
@Component
public class ConcurrencyPerClient implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(ConcurrencyPerClient.class);

    private static final String TOO_MANY = """
            {"type":"urn:portail-famille:problem:trop-de-requetes","title":"Trop de requêtes","status":429,\
            "detail":"Trop de requêtes à la fois : réessayez dans un instant."}""";

    private final int maxConcurrent;
    private final PortalCookies cookies;
    private final ConcurrentHashMap<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();

    public ConcurrencyPerClient(@Value("${portal.gateway.per-client.max-concurrent:20}") int maxConcurrent,
                                PortalCookies cookies) {
        this.maxConcurrent = maxConcurrent;
        this.cookies = cookies;
    }

    /** Just after the size check: a call refused here costs nothing further. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String client = clientOf(exchange);
        if (client == null) {
            return chain.filter(exchange);
        }
        AtomicInteger calls = inFlight.compute(client, (key, count) -> {
            AtomicInteger counter = count == null ? new AtomicInteger() : count;
            counter.incrementAndGet();
            return counter;
        });
        if (calls.get() > maxConcurrent) {
            release(client);
            log.warn("Client over {} calls at once: {} {} refused with 429", maxConcurrent,
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath());
            return tooMany(exchange);
        }
        return chain.filter(exchange).doFinally(signal -> release(client));
    }

    private void release(String client) {
        inFlight.computeIfPresent(client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    int inFlight() {
        return inFlight.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    private String clientOf(ServerWebExchange exchange) {
        String authorization = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null && !authorization.isBlank()) {
            return "token:" + authorization;
        }
        HttpCookie session = exchange.getRequest().getCookies().getFirst(cookies.sessionCookieName());
        return session == null || session.getValue().isBlank() ? null : "session:" + session.getValue();
    }

    private static Mono<Void> tooMany(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(TOO_MANY.getBytes(StandardCharsets.UTF_8))));
    }
}
