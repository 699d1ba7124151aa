package fr.portailfamille.identity.agents;

/**
 * An agent of a service as the directory gives it.
 *
 * @param id       the Keycloak user id (stable: usernames and e-mails may change)
 * @param username the login
 * @param email    the account's e-mail, null when it has none (the caller decides what to do)
 * @param name     first and last name, null when neither is set
 */
public record Agent(String id, String username, String email, String name) {
}
