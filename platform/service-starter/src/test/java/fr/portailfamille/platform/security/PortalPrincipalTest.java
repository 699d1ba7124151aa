package fr.portailfamille.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PortalPrincipalTest {

    private static Jwt token(Map<String, Object> claims) {
        Jwt.Builder builder = Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1")
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(300));
        claims.forEach(builder::claim);
        return builder.build();
    }

    @Test
    void keycloak_realm_roles_become_spring_roles() {
        Jwt jwt = token(Map.of("realm_access", Map.of("roles", List.of("famille", "offline_access"))));

        assertThat(new KeycloakRolesConverter().convert(jwt)).extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_famille", "ROLE_offline_access");
    }

    @Test
    void a_family_reaches_only_the_dossier_of_its_token() {
        PortalPrincipal family = PortalPrincipal.from(token(Map.of(
                "realm_access", Map.of("roles", List.of("famille")), "dossier", "6000")));

        assertThat(family.mayReachDossier("6000")).isTrue();
        assertThat(family.mayReachDossier("6001")).isFalse();
        assertThat(family.isStaff()).isFalse();
    }

    @Test
    void a_family_without_dossier_claim_reaches_none() {
        PortalPrincipal family = PortalPrincipal.from(token(Map.of("realm_access", Map.of("roles", List.of("famille")))));

        assertThat(family.dossier()).isEmpty();
        assertThat(family.mayReachDossier("6000")).isFalse();
    }

    @Test
    void an_agent_reaches_every_dossier_and_keeps_its_services_whether_list_or_string() {
        PortalPrincipal listed = PortalPrincipal.from(token(Map.of(
                "realm_access", Map.of("roles", List.of("agent")), "services", List.of("jeunesse", "enfance"))));
        PortalPrincipal single = PortalPrincipal.from(token(Map.of(
                "realm_access", Map.of("roles", List.of("agent")), "services", "jeunesse")));

        assertThat(listed.mayReachDossier("6001")).isTrue();
        assertThat(listed.services()).containsExactly("jeunesse", "enfance");
        assertThat(single.services()).containsExactly("jeunesse");
    }

    @Test
    void a_token_without_realm_access_has_no_role() {
        PortalPrincipal nobody = PortalPrincipal.from(token(Map.of("preferred_username", "x")));

        assertThat(nobody.roles()).isEmpty();
        assertThat(nobody.mayReachDossier("6000")).isFalse();
        assertThat(nobody.auditName()).isEqualTo("x");
    }
}
