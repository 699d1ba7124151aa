package fr.portailfamille.gateway;

import fr.portailfamille.testsupport.FreePorts;
import fr.portailfamille.testsupport.KeycloakServer;

/**
 * The one port every gateway test that logs in on the real Keycloak runs the gateway on. Keycloak is
 * started once per JVM (surefire runs a module's classes in one JVM) with the portal's URL in its
 * redirect URIs and back-channel logout URL, so every such class must serve the portal at that same
 * URL, and close its application context after its tests
 * ({@code @DirtiesContext(classMode = AFTER_CLASS)}) so that the next class can take the port.
 */
public final class GatewayTestPortal {

    public static final int PORT = FreePorts.next();
    public static final String URL = "http://localhost:" + PORT;
    public static final KeycloakServer KEYCLOAK = KeycloakServer.shared(URL);

    private GatewayTestPortal() {
    }
}
