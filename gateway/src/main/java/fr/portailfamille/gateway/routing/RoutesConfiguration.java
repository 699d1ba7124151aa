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
     * Every circuit breaker: open after half of the last 20 calls failed (at least 10 calls), try
     * again after 20 s; a call is cut after {@code portal.services.timeout}, or
     * {@code portal.services.long-running-timeout} on a long-running path.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ServicesProperties services) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(id.endsWith(LONG_RUNNING)
                        ? services.longRunningTimeout() : services.timeout()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(20))
                        .build())
                .build());
    }
}
