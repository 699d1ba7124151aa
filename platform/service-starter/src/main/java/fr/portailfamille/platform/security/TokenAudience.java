package fr.portailfamille.platform.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/** Grants a request when its bearer token was issued for a given audience ({@code aud} claim). */
final class TokenAudience {

    private TokenAudience() {
    }

    static AuthorizationManager<RequestAuthorizationContext> contains(String audience) {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken jwt
                        && jwt.getToken().getAudience() != null
                        && jwt.getToken().getAudience().contains(audience));
    }
}
