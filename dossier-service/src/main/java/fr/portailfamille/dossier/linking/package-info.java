/** Proof of a dossier reference (number + access key + family name) for identity-service's registration, with the lockout after five wrong tries. */
package fr.portailfamille.dossier.linking;
