package fr.portailfamille.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.cloud.gateway.support.RouteMetadataUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /api/<service>/**} goes to that service, path unchanged, with the logged-in person's access
 * token (TokenRelay: taken from the session, refreshed when expired; a call that brings its own
 * bearer token keeps it).
 * Nothing else of a service is routed: its {@code /internal/**} and {@code /actuator/**} are
 * unreachable from outside. Each route has a circuit breaker: when the service is down, too slow,
 * or failing often, the gateway answers 503 problem+json at once instead of making people wait.
 */
@Configuration
public class RoutesConfiguration {

    private static final String LONG_RUNNING = "-long-running";
    /** How long an open breaker answers for its service before it tries again (FallbackController's Retry-After). */
    static final Duration OPEN_FOR = Duration.ofSeconds(5);

    @Bean
    RouteLocator portalRoutes(RouteLocatorBuilder routes, ServicesProperties services) {
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("identity", services.identityUrl());
        urls.put("dossier", services.dossierUrl());
        urls.put("billing", services.billingUrl());
        urls.put("messaging", services.messagingUrl());
        RouteLocatorBuilder.Builder builder = routes.routes();
        // Long-running paths first (lower order wins): their own breaker and a longer timeout.
        for (String path : services.longRunningPaths()) {
            String service = serviceOf(path);
            if (!urls.containsKey(service)) {
                throw new IllegalStateException("portal.services.long-running-paths: " + path
                        + " is not under /api/<service>/ of a known service");
            }
            builder.route(service + LONG_RUNNING, r -> r.order(-1).path(path)
                    .filters(f -> f.tokenRelay().circuitBreaker(c -> c.setName(service + LONG_RUNNING)
                            .setFallbackUri("forward:/fallback/" + service)))
                    .metadata(RouteMetadataUtils.RESPONSE_TIMEOUT_ATTR, services.longRunningTimeout().toMillis())
                    .uri(urls.get(service)));
        }
        urls.forEach((service, url) -> builder.route(service, r -> r.path("/api/" + service + "/**")
                .filters(f -> f.tokenRelay().circuitBreaker(c -> c.setName(service)
                        .setFallbackUri("forward:/fallback/" + service)))
                .uri(url)));
        return builder.build();
    }

    /** {@code /api/billing/imports} → {@code billing}. */
    static String serviceOf(String path) {
        String[] parts = path.split("/");
        return parts.length > 2 && parts[1].equals("api") ? parts[2] : "";
    }

    /**
     * Every circuit breaker, tuned so that a busy service is not taken for a dead one (issue 13, item 2;
     * measured in bench/): it looks at the calls of the last 10 s, and only once there were at least 40 of
     * them; it opens when half failed (refused connection, error, or cut at the route's timeout) or when
     * every one of them was slow (past half the timeout); it tries again after 5 s with 5 probe calls.
     * A service that sheds a burst's excess answers 503 with {@code Retry-After} quickly: that answer is
     * passed on as it is and is no failure here, so the excess is refused and nobody else is.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ServicesProperties services) {
        return factory -> factory.configureDefault(id -> {
            Duration timeout = id.endsWith(LONG_RUNNING) ? services.longRunningTimeout() : services.timeout();
            return new Resilience4JConfigBuilder(id)
                    .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(timeout).build())
                    .circuitBreakerConfig(CircuitBreakerConfig.custom()
                            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
                            .slidingWindowSize(10)
                            .minimumNumberOfCalls(40)
                            .failureRateThreshold(50)
                            .slowCallDurationThreshold(timeout.dividedBy(2))
                            .slowCallRateThreshold(100)
                            .waitDurationInOpenState(OPEN_FOR)
                            .permittedNumberOfCallsInHalfOpenState(5)
                            .automaticTransitionFromOpenToHalfOpenEnabled(true)
                            .build())
                    .build();
        });
    }
}
