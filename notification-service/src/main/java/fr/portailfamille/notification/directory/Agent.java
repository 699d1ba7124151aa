package fr.portailfamille.notification.directory;

/**
 * An agent of a service as identity-service's directory gives it.
 *
 * @param id       the Keycloak user id (stable: the digest's markers are kept by it)
 * @param username the login (for the logs)
 * @param email    null or blank when the account has none
 * @param name     first and last name, or null
 */
public record Agent(String id, String username, String email, String name) {

    public boolean hasEmail() {
        return email != null && !email.isBlank();
    }
}
