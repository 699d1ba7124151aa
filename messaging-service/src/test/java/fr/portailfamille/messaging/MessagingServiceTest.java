package fr.portailfamille.messaging;

import fr.portailfamille.testsupport.PortalServiceTest;
import fr.portailfamille.testsupport.RunningService;
import fr.portailfamille.testsupport.StandardServiceChecks;

/** messaging-service starts on its own database and answers like every Portail Famille service. */
@PortalServiceTest
class MessagingServiceTest extends RunningService implements StandardServiceChecks {

    @Override
    public String protectedPath() {
        return "/api/messaging/anything";
    }
}
