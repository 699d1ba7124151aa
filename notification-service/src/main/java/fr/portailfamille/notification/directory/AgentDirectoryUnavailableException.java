package fr.portailfamille.notification.directory;

/** identity-service (or Keycloak, for the token) did not give the agents: the caller does nothing and tries later. */
public class AgentDirectoryUnavailableException extends RuntimeException {

    public AgentDirectoryUnavailableException(String service, Throwable cause) {
        super("The agents of service " + service + " could not be read: " + cause, cause);
    }
}
