/** Keycloak's admin API with identity-service's service account: create, enable, find, change and delete users; list a service's agents. */
package fr.portailfamille.identity.keycloak;
