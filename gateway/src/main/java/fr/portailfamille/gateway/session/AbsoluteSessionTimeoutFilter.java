package fr.portailfamille.gateway.session;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/** Ends a session older than {@code portal.session.absolute-timeout}, whatever its activity. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class AbsoluteSessionTimeoutFilter implements WebFilter {

    private final SessionProperties properties;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public AbsoluteSessionTimeoutFilter(SessionProperties properties) {
        this(properties, Clock.systemUTC());
    }

    AbsoluteSessionTimeoutFilter(SessionProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getSession().flatMap(session -> {
            if (session.isStarted()
                    && session.getCreationTime().plus(properties.absoluteTimeout()).isBefore(Instant.now(clock))) {
                return session.invalidate();
            }
            return Mono.empty();
        }).then(chain.filter(exchange));
    }
}
