/** OAuth2 login against Keycloak (BFF), token relay, CSRF, logout, security headers, /api/me. */
package fr.portailfamille.gateway.security;
