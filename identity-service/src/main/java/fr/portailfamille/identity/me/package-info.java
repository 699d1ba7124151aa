/** « Mon compte »: the signed-in user's account, CGU to accept, password change and account deletion. */
package fr.portailfamille.identity.me;
