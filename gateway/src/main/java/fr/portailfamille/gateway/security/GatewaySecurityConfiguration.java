package fr.portailfamille.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Security headers on every answer (CSP, HSTS over HTTPS, nosniff, Referrer-Policy, no framing),
 * and no way from outside to {@code /internal/**} or to actuator endpoints other than health.
 *
 * <p>The services check tokens themselves; login (OAuth2, session, CSRF, token relay) comes with
 * the next issue. Until then the gateway passes the Authorization header through unchanged.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private static final String NOT_FOUND = """
            {"type":"urn:portail-famille:problem:introuvable","title":"Introuvable","status":404,\
            "detail":"La ressource demandée est introuvable."}""";

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .addFilterAt(closedPaths(), SecurityWebFiltersOrder.FIRST)
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicy(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
                .build();
    }

    /** {@code /internal/**} and actuator endpoints other than health answer 404, whatever the method. */
    static WebFilter closedPaths() {
        return (exchange, chain) -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value();
            if (isClosed(path)) {
                var response = exchange.getResponse();
                response.setStatusCode(HttpStatus.NOT_FOUND);
                response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                DataBuffer body = response.bufferFactory().wrap(NOT_FOUND.getBytes(StandardCharsets.UTF_8));
                return response.writeWith(Mono.just(body));
            }
            return chain.filter(exchange);
        };
    }

    static boolean isClosed(String path) {
        String lower = path.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("/actuator")) {
            return !(lower.equals("/actuator/health") || lower.startsWith("/actuator/health/"));
        }
        return lower.startsWith("/internal") || lower.contains("/internal/") || lower.contains("/actuator/");
    }
}
