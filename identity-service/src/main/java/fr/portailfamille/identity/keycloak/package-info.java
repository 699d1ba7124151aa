/** Keycloak's admin API with identity-service's service account: create, enable, find, change and delete users. */
package fr.portailfamille.identity.keycloak;
