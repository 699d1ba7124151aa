package fr.portailfamille.gateway.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.server.WebSessionServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Keycloak client registration of the gateway, and Keycloak realm roles as Spring roles. */
@Configuration
public class OidcConfiguration {

    public static final String REGISTRATION = "keycloak";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(KeycloakProperties keycloak) {
        String browser = keycloak.publicIssuer() + "/protocol/openid-connect";
        String backchannel = keycloak.internalIssuer() + "/protocol/openid-connect";
        ClientRegistration registration = ClientRegistration.withRegistrationId(REGISTRATION)
                .clientId(keycloak.clientId())
                .clientSecret(keycloak.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(browser + "/auth")
                .tokenUri(backchannel + "/token")
                .jwkSetUri(backchannel + "/certs")
                .userInfoUri(backchannel + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(keycloak.publicIssuer())
                .providerConfigurationMetadata(Map.of("end_session_endpoint", browser + "/logout"))
                .clientName("Keycloak")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(registration);
    }

    /**
     * The tokens live in the browser's session (Redis outside {@code local}), not in a per-process map
     * keyed by username (Spring Boot's default): every replica relays them, two logins of one person
     * keep their own tokens, and invalidating the session forgets them.
     */
    @Bean
    ServerOAuth2AuthorizedClientRepository authorizedClientRepository() {
        return new WebSessionServerOAuth2AuthorizedClientRepository();
    }

    /** {@code realm_access.roles} of the ID token become ROLE_famille, ROLE_agent, ROLE_admin. */
    @Bean
    GrantedAuthoritiesMapper keycloakRealmRoles() {
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    realmRoles(oidc.getIdToken().getClaims())
                            .forEach(role -> mapped.add(new SimpleGrantedAuthority("ROLE_" + role)));
                }
            }
            return mapped;
        };
    }

    static List<String> realmRoles(Map<String, Object> claims) {
        if (claims.get("realm_access") instanceof Map<?, ?> realmAccess
                && realmAccess.get("roles") instanceof Collection<?> roles) {
            return roles.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
