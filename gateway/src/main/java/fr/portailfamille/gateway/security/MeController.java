package fr.portailfamille.gateway.security;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Who is logged in, for the web app: never a token, only what the pages show and decide on. */
@RestController
public class MeController {

    public record Me(boolean authenticated, String username, String name, String givenName, String familyName,
                     String email, List<String> roles, String dossier, List<String> services) {

        static final Me ANONYMOUS = new Me(false, null, null, null, null, null, List.of(), null, List.of());
    }

    @GetMapping("/api/me")
    public Me me(@AuthenticationPrincipal OidcUser user) {
        if (user == null) {
            return Me.ANONYMOUS;
        }
        List<String> services = user.getClaimAsStringList("services");
        return new Me(true, user.getPreferredUsername(), user.getFullName(), user.getGivenName(),
                user.getFamilyName(), user.getEmail(), OidcConfiguration.realmRoles(user.getClaims()),
                user.getClaimAsString("dossier"), services == null ? List.of() : services);
    }
}
