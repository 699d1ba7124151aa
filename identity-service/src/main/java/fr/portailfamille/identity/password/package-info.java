/** The realm's password policy checked in French, and « mot de passe oublié » (reset by a one-hour link). */
package fr.portailfamille.identity.password;
