package fr.portailfamille.identity;

import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.RunningService;
import fr.portailfamille.testsupport.StandardServiceChecks;

import java.util.List;

/** identity-service starts on its own database and answers like every Portail Famille service. */
@PortalServiceTest
class IdentityServiceTest extends RunningService implements StandardServiceChecks {

    @Override
    public String protectedPath() {
        return "/api/identity/anything";
    }

    @Override
    public List<String> deploymentSecrets() {
        return List.of("SPRING_DATASOURCE_PASSWORD", "PORTAL_KEYCLOAK_CLIENT_SECRET",
                "PORTAL_KEYCLOAK_PASSWORD_CHECK_CLIENT_SECRET", "PORTAL_IDENTITY_DRAFT_KEY");
    }
}
