/** The portal's family accounts (Keycloak user, dossier, status) and their activation by the mailed link. */
package fr.portailfamille.identity.account;
