/**
 * Single-use links mailed to a person (activation, password reset, e-mail change), in one table
 * {@code single_use_link}: the purpose, the Keycloak user the link acts for, the address it was sent
 * to (for an e-mail change, the new address it proves), the SHA-256 of its token only, its expiry
 * (set by its purpose), and when it was used or retired by a newer link of the same purpose.
 * Nothing else is kept per feature: an e-mail change reads the old address from Keycloak when it is
 * confirmed, which is the address it replaces.
 */
package fr.portailfamille.identity.link;
