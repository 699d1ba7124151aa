package fr.portailfamille.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a stub of another service reads of the bearer token it is called with: its realm roles, as the
 * real service's resource server would after checking the signature (that check is Keycloak's business
 * and the real service's; a stub only answers 403 like it when the role is missing).
 */
public final class BearerTokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private BearerTokens() {
    }

    /** True when the {@code Authorization} header carries a JWT whose {@code realm_access.roles} hold {@code role}. */
    public static boolean hasRealmRole(String authorization, String role) {
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            return false;
        }
        String[] parts = authorization.substring(7).split("\\.");
        if (parts.length != 3) {
            return false;
        }
        JsonNode claims = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        for (JsonNode granted : claims.at("/realm_access/roles")) {
            if (role.equals(granted.asString())) {
                return true;
            }
        }
        return false;
    }
}
