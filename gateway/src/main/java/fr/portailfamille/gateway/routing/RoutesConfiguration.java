package fr.portailfamille.gateway.routing;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

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

    @Bean
    RouteLocator portalRoutes(RouteLocatorBuilder routes, ServicesProperties services) {
        return routes.routes()
                .route("identity", r -> r.path("/api/identity/**")
                        .filters(f -> f.tokenRelay().circuitBreaker(c -> c.setName("identity").setFallbackUri("forward:/fallback/identity")))
                        .uri(services.identityUrl()))
                .route("dossier", r -> r.path("/api/dossier/**")
                        .filters(f -> f.tokenRelay().circuitBreaker(c -> c.setName("dossier").setFallbackUri("forward:/fallback/dossier")))
                        .uri(services.dossierUrl()))
                .route("billing", r -> r.path("/api/billing/**")
                        .filters(f -> f.tokenRelay().circuitBreaker(c -> c.setName("billing").setFallbackUri("forward:/fallback/billing")))
                        .uri(services.billingUrl()))
                .route("messaging", r -> r.path("/api/messaging/**")
                        .filters(f -> f.tokenRelay().circuitBreaker(c -> c.setName("messaging").setFallbackUri("forward:/fallback/messaging")))
                        .uri(services.messagingUrl()))
                .build();
    }

    /**
     * Every circuit breaker: open after half of the last 20 calls failed (at least 10 calls), try
     * again after 20 s; a call is cut after {@code portal.services.timeout}.
     */
    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> circuitBreakerDefaults(ServicesProperties services) {
        return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
                .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(services.timeout()).build())
                .circuitBreakerConfig(CircuitBreakerConfig.custom()
                        .slidingWindowSize(20)
                        .minimumNumberOfCalls(10)
                        .failureRateThreshold(50)
                        .waitDurationInOpenState(Duration.ofSeconds(20))
                        .build())
                .build());
    }
}
