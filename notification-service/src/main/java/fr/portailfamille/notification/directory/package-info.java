/**
 * The agents of a service and their e-mail, asked of identity-service ({@code GET /internal/agents},
 * realm role {@code agents-directory}) with notification-service's own service-account token, under a
 * timeout and a circuit breaker: the one place that reads Keycloak's users stays identity-service.
 */
package fr.portailfamille.notification.directory;
