/**
 * The browser session and the gateway's cookies (docs/adr/003, « Sessions »): in Redis by default, in
 * memory under the profile {@code local}; nothing stored on the server before a login succeeds (the login
 * in progress is an encrypted cookie); its absolute lifetime; the links from Keycloak sessions to gateway
 * sessions, beside the sessions, so that Keycloak's back-channel logout ends them on any replica; the
 * {@code __Host-} names of Secure cookies.
 */
package fr.portailfamille.gateway.session;
