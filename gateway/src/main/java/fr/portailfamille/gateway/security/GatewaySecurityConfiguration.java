package fr.portailfamille.gateway.security;

import fr.portailfamille.gateway.session.BackChannelLogoutHandler;
import fr.portailfamille.gateway.session.CookieAuthorizationRequestRepository;
import fr.portailfamille.gateway.session.PortalCookies;
import fr.portailfamille.gateway.session.SessionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.security.web.server.csrf.ServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway is the backend-for-frontend: it logs people in against Keycloak (authorization code
 * with PKCE), keeps the tokens in its session (the browser only holds an HttpOnly session cookie),
 * relays the access token to the services, and logs out of Keycloak too. State-changing calls from
 * the browser need the CSRF token (cookie {@code XSRF-TOKEN} echoed in header {@code X-XSRF-TOKEN});
 * calls that carry their own bearer token and no session cookie (other clients, tests) need none.
 * Sessions: see the {@code session} package and ADR 003 « Sessions ».
 *
 * <p>Also: security headers on every answer, and no way from outside to {@code /internal/**} or to
 * actuator endpoints other than health.
 */
@Configuration
@EnableWebFluxSecurity
public class GatewaySecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self' %s %s; frame-ancestors 'none'";

    private static final String NOT_FOUND = """
            {"type":"urn:portail-famille:problem:introuvable","title":"Introuvable","status":404,\
            "detail":"La ressource demandée est introuvable."}""";

    /** The CSRF token's cookie, {@code __Host-XSRF-TOKEN} when cookies are Secure; the web app reads both names. */
    static final String CSRF_COOKIE = "XSRF-TOKEN";

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE);

    @Bean
    SecurityWebFilterChain gatewaySecurity(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                           KeycloakProperties keycloak, BankPagesProperties bankPages,
                                           PortalCookies cookies, SessionProperties sessions,
                                           ServerOAuth2AuthorizedClientRepository authorizedClients,
                                           ReactiveOidcSessionRegistry oidcSessions,
                                           BackChannelLogoutHandler backChannelLogout) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        // The login in progress and the page to come back to are cookies: an anonymous visit stores nothing.
        CookieAuthorizationRequestRepository loginsInProgress =
                new CookieAuthorizationRequestRepository(cookies, keycloak.clientSecret(), sessions.loginTimeout());
        LoginReturnCache returnTo = new LoginReturnCache(cookies);
        RedirectServerAuthenticationEntryPoint toLogin =
                new RedirectServerAuthenticationEntryPoint("/oauth2/authorization/" + OidcConfiguration.REGISTRATION);
        toLogin.setRequestCache(returnTo);

        OidcClientInitiatedServerLogoutSuccessHandler keycloakLogout =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");

        ServerCsrfTokenRequestAttributeHandler csrfHandler = new ServerCsrfTokenRequestAttributeHandler();
        csrfHandler.setTokenFromMultipartDataEnabled(false);
        CookieServerCsrfTokenRepository csrfTokens = CookieServerCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(cookies.name(CSRF_COOKIE));
        csrfTokens.setCookieCustomizer(cookies::apply);

        return http
                .csrf(csrf -> csrf
                        .csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfHandler)
                        .requireCsrfProtectionMatcher(browserStateChange(cookies.sessionCookieName())))
                .requestCache(cache -> cache.requestCache(returnTo))
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .addFilterAt(closedPaths(), SecurityWebFiltersOrder.FIRST)
                .authorizeExchange(exchanges -> exchanges
                        .matchers(agentPages()).hasAnyRole("agent", "admin")
                        .anyExchange().permitAll())
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint((exchange, e) -> {
                    String path = exchange.getRequest().getPath().value();
                    return path.startsWith("/api/")
                            ? new HttpStatusServerEntryPoint(HttpStatus.UNAUTHORIZED).commence(exchange, e)
                            : toLogin.commence(exchange, e);
                }))
                .oauth2Login(login -> login
                        .authorizationRequestResolver(authorizationRequests)
                        .authorizationRequestRepository(loginsInProgress)
                        .authorizedClientRepository(authorizedClients)
                        .oidcSessionRegistry(oidcSessions))
                .oauth2Client(client -> client
                        .authorizationRequestRepository(loginsInProgress)
                        .authorizedClientRepository(authorizedClients))
                // Keycloak's back-channel logout (POST /logout/connect/back-channel/keycloak, a signed logout
                // token, no cookie): the gateway sessions of that Keycloak session end, on any replica.
                .oidcLogout(logout -> logout
                        .oidcSessionRegistry(oidcSessions)
                        .backChannel(backChannel -> backChannel.logoutHandler(backChannelLogout)))
                // /logout: revoke the refresh token at Keycloak, forget the login, invalidate the session
                // (its cookie is expired), then send the browser to Keycloak's logout page.
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutHandler(handlers -> {
                            handlers.add(0, new RefreshTokenRevocation(authorizedClients, keycloak));
                            handlers.add(new WebSessionServerLogoutHandler());
                        })
                        .logoutSuccessHandler(keycloakLogout))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP.formatted(keycloak.publicUrl(), bankPages.sources())))
                        .hsts(hsts -> hsts.maxAge(Duration.ofDays(365)).includeSubdomains(true))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .permissionsPolicy(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
                .build();
    }

    /**
     * The agents' pages, whatever the case of the path: the web app's router matches {@code /Agent/…} as
     * {@code /agent/…}, so the gateway's check must too (issue 13, item 11).
     */
    static ServerWebExchangeMatcher agentPages() {
        return exchange -> {
            String path = exchange.getRequest().getPath().pathWithinApplication().value().toLowerCase(Locale.ROOT);
            return path.equals("/agent") || path.startsWith("/agent/")
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /**
     * CSRF applies to every state-changing request, except one that brings its own bearer token and no
     * session cookie (an API client): a request with the session cookie is the browser's, whatever else
     * it carries (issue 13, item 9).
     */
    static ServerWebExchangeMatcher browserStateChange(String sessionCookie) {
        return exchange -> {
            var request = exchange.getRequest();
            boolean stateChanging = !SAFE.contains(request.getMethod());
            String authorization = request.getHeaders().getFirst("Authorization");
            boolean bearer = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
            boolean withSession = request.getCookies().containsKey(sessionCookie);
            return stateChanging && !(bearer && !withSession)
                    ? ServerWebExchangeMatcher.MatchResult.match()
                    : ServerWebExchangeMatcher.MatchResult.notMatch();
        };
    }

    /** Spring Security writes the CSRF cookie only when the token is used: subscribe so the SPA always has it. */
    @Bean
    WebFilter csrfCookieWriter() {
        return (exchange, chain) -> {
            Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
            return token == null ? chain.filter(exchange) : token.then(chain.filter(exchange));
        };
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
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.startsWith("/actuator")) {
            return !(lower.equals("/actuator/health") || lower.startsWith("/actuator/health/"));
        }
        return lower.startsWith("/internal") || lower.contains("/internal/") || lower.contains("/actuator/");
    }

}
