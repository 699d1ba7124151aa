/**
 * The directory of a service's agents for the other services (notification-service's digest): enabled
 * Keycloak users with the realm role {@code agent} and the service in their attribute {@code services},
 * with their e-mail, on {@code GET /internal/agents} (realm role {@code agents-directory} only).
 */
package fr.portailfamille.identity.agents;
