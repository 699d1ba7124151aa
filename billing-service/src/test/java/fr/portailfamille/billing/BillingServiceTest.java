package fr.portailfamille.billing;

import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.RunningService;
import fr.portailfamille.testsupport.StandardServiceChecks;

/** billing-service starts on its own database and answers like every Portail Famille service. */
@PortalServiceTest
class BillingServiceTest extends RunningService implements StandardServiceChecks {

    @Override
    public String protectedPath() {
        return "/api/billing/anything";
    }
}
