/** The terms of use (CGU): versions, the one in force, publication by an admin, each user's acceptances. */
package fr.portailfamille.identity.cgu;
