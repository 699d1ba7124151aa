package fr.portailfamille.gateway.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

import java.time.Duration;

/**
 * At {@code /logout}, before the session is invalidated: the session's refresh token is revoked at
 * Keycloak (RFC 7009, {@code /protocol/openid-connect/revoke}, the gateway's client credentials), which
 * ends the gateway's client session there, so the tokens are dead even if the browser never follows the
 * redirect to Keycloak's logout page. The access token already given to services stays valid until it
 * expires (5 minutes): services check it locally. If Keycloak cannot be reached, the logout still
 * completes (the gateway session is gone either way) and the failure is logged.
 */
class RefreshTokenRevocation implements ServerLogoutHandler {

    private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenRevocation.class);

    private final ServerOAuth2AuthorizedClientRepository authorizedClients;
    private final KeycloakProperties keycloak;
    private final WebClient http;

    RefreshTokenRevocation(ServerOAuth2AuthorizedClientRepository authorizedClients, KeycloakProperties keycloak) {
        this.authorizedClients = authorizedClients;
        this.keycloak = keycloak;
        this.http = WebClient.builder().build();
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (!(authentication instanceof OAuth2AuthenticationToken token)) {
            return Mono.empty();
        }
        String registration = token.getAuthorizedClientRegistrationId();
        return authorizedClients.<OAuth2AuthorizedClient>loadAuthorizedClient(registration, authentication, exchange.getExchange())
                .filter(client -> client.getRefreshToken() != null)
                .flatMap(this::revoke)
                .then(authorizedClients.removeAuthorizedClient(registration, authentication, exchange.getExchange()))
                .onErrorResume(e -> {
                    LOG.warn("Logout of {}: the refresh token could not be revoked at Keycloak ({})",
                            authentication.getName(), e.toString());
                    return Mono.empty();
                });
    }

    private Mono<Void> revoke(OAuth2AuthorizedClient client) {
        return http.post().uri(keycloak.internalIssuer() + "/protocol/openid-connect/revoke")
                .headers(headers -> headers.setBasicAuth(keycloak.clientId(), keycloak.clientSecret()))
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("token", client.getRefreshToken().getTokenValue())
                        .with("token_type_hint", "refresh_token"))
                .retrieve()
                .toBodilessEntity()
                .timeout(Duration.ofSeconds(5))
                .then();
    }
}
