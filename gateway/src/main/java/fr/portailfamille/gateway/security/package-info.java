/**
 * OAuth2 login against Keycloak (BFF), token relay, CSRF (exempt only for a bearer token without session
 * cookie), logout (refresh token revoked at Keycloak, session invalidated), back-channel logout wiring,
 * security headers, /api/me.
 */
package fr.portailfamille.gateway.security;
