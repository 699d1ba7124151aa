package fr.portailfamille.identity;

import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.RunningService;
import fr.portailfamille.testsupport.StandardServiceChecks;

/** identity-service starts on its own database and answers like every Portail Famille service. */
@PortalServiceTest
class IdentityServiceTest extends RunningService implements StandardServiceChecks {

    @Override
    public String protectedPath() {
        return "/api/identity/anything";
    }
}
