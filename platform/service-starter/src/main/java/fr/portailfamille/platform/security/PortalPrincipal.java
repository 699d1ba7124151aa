package fr.portailfamille.platform.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who calls, read from the Keycloak access token: realm roles ({@code realm_access.roles}),
 * the family's dossier (claim {@code dossier}) and an agent's services (claim {@code services}).
 * Controllers take it as a method parameter.
 */
public record PortalPrincipal(
        String subject,
        String username,
        String name,
        String email,
        Set<String> roles,
        Optional<String> dossier,
        List<String> services) {

    public static final String FAMILY = "famille";
    public static final String AGENT = "agent";
    public static final String ADMIN = "admin";
    public static final String SERVICE = "service";

    public static PortalPrincipal from(Jwt jwt) {
        return new PortalPrincipal(
                jwt.getSubject(),
                jwt.getClaimAsString("preferred_username"),
                jwt.getClaimAsString("name"),
                jwt.getClaimAsString("email"),
                realmRoles(jwt),
                Optional.ofNullable(jwt.getClaimAsString("dossier")).filter(s -> !s.isBlank()),
                stringList(jwt.getClaim("services")));
    }

    /** Realm roles of a Keycloak token: {@code {"realm_access": {"roles": [...]}}}. */
    public static Set<String> realmRoles(Jwt jwt) {
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess == null) {
            return Set.of();
        }
        return Set.copyOf(stringList(realmAccess.get("roles")));
    }

    private static List<String> stringList(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.toUnmodifiableList());
        }
        if (claim instanceof String value && !value.isBlank()) {
            // Keycloak maps a single-valued attribute to a plain string.
            return List.of(value.split("\\s*,\\s*"));
        }
        return List.of();
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean isStaff() {
        return hasRole(AGENT) || hasRole(ADMIN);
    }

    /** Agents and admins reach every dossier; a family only the one of its token. */
    public boolean mayReachDossier(String dossierNumber) {
        return isStaff() || dossier.map(own -> own.equals(dossierNumber)).orElse(false);
    }

    /** Who made a change, for the audit columns. */
    public String auditName() {
        return username != null ? username : subject;
    }
}
