package fr.portailfamille.messaging;

import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.StandardServiceChecks;

/** messaging-service starts on its own database and answers like every Portail Famille service. */
@PortalServiceTest
class MessagingServiceTest extends StandardServiceChecks {

    @Override
    protected String protectedPath() {
        return "/api/messaging/anything";
    }
}
