package fr.portailfamille.platform.security;

import fr.portailfamille.platform.problem.ProblemWriter;
import fr.portailfamille.platform.problem.RefusedAccess;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Every service is an OAuth2 resource server: it validates the Keycloak JWT itself (signature,
 * issuer, expiry) and authorises from its claims. Health probes and the OpenAPI document are open;
 * {@code /internal/**} needs the {@code service} role (service accounts, client credentials);
 * everything else needs a valid token. Refusals are problem+json in French.
 *
 * <p>No CSRF here: services only take bearer tokens, never cookies; the gateway, which holds the
 * browser session, does CSRF.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableWebSecurity
@EnableMethodSecurity
public class PortalSecurityAutoConfiguration {

    static final String[] OPEN_PATHS = {
            "/actuator/health", "/actuator/health/**", "/actuator/info",
            "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error"};

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, ProblemWriter problems,
            @org.springframework.beans.factory.annotation.Value("${portal.security.public-paths:}") String[] publicPaths)
            throws Exception {
        JwtAuthenticationConverter jwtConverter = new JwtAuthenticationConverter();
        jwtConverter.setJwtGrantedAuthoritiesConverter(new KeycloakRolesConverter());

        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> {
                    if (publicPaths.length > 0) {
                        // A service's own anonymous endpoints (registration, activation...), by property.
                        requests.requestMatchers(publicPaths).permitAll();
                    }
                    requests
                        .requestMatchers(OPEN_PATHS).permitAll()
                        .requestMatchers("/internal/**").hasRole(PortalPrincipal.SERVICE)
                        .requestMatchers("/actuator/**").hasRole(PortalPrincipal.ADMIN)
                        .anyRequest().authenticated();
                })
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter))
                        .authenticationEntryPoint((request, response, e) -> {
                            RefusedAccess.log(request, HttpStatus.UNAUTHORIZED);
                            problems.write(response, HttpStatus.UNAUTHORIZED, "authentification-requise",
                                    "problem.unauthorized", request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            RefusedAccess.log(request, HttpStatus.FORBIDDEN);
                            problems.write(response, HttpStatus.FORBIDDEN, "acces-refuse", "problem.forbidden",
                                    request.getRequestURI());
                        }))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            RefusedAccess.log(request, HttpStatus.UNAUTHORIZED);
                            problems.write(response, HttpStatus.UNAUTHORIZED, "authentification-requise",
                                    "problem.unauthorized", request.getRequestURI());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            RefusedAccess.log(request, HttpStatus.FORBIDDEN);
                            problems.write(response, HttpStatus.FORBIDDEN, "acces-refuse", "problem.forbidden",
                                    request.getRequestURI());
                        }));
        return http.build();
    }

    @Bean
    WebMvcConfigurer portalPrincipalResolver() {
        return new WebMvcConfigurer() {
            @Override
            public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
                resolvers.add(new PortalPrincipalArgumentResolver());
            }
        };
    }
}
