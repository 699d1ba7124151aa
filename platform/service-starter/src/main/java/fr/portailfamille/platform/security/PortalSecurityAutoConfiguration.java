package fr.portailfamille.platform.security;

import fr.portailfamille.platform.problem.ProblemWriter;
import fr.portailfamille.platform.problem.RefusedAccess;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
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
 * issuer, expiry, and an audience of the portal: {@code spring.security.oauth2.resourceserver.jwt.audiences}
 * in portal-defaults.properties, so a token the realm issued to another client is a 401) and authorises
 * from its claims. Health probes and the OpenAPI document are open; {@code /internal/**} needs the
 * {@code service} role and the services' audience (service accounts, client credentials); everything
 * else needs the gateway's audience, the tokens of families, agents and admins (issue 13, item 5;
 * docs/adr/011-token-audiences.md). Refusals are problem+json in French.
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
    SecurityFilterChain portalSecurityFilterChain(HttpSecurity http, ProblemWriter problems, TokenAudiences audiences,
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
                        .requestMatchers("/internal/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole(PortalPrincipal.SERVICE),
                                TokenAudience.contains(audiences.services())))
                        .requestMatchers("/actuator/**").access(AuthorizationManagers.allOf(
                                AuthorityAuthorizationManager.hasRole(PortalPrincipal.ADMIN),
                                TokenAudience.contains(audiences.gateway())))
                        .anyRequest().access(TokenAudience.contains(audiences.gateway()));
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
    @ConditionalOnMissingBean
    TokenAudiences tokenAudiences(Environment environment) {
        return new TokenAudiences(environment.getProperty("portal.security.audiences.gateway", "portal-gateway"),
                environment.getProperty("portal.security.audiences.services", "portal-services"));
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
