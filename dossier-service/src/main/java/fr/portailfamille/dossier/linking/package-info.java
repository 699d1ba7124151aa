/** Proof of a dossier reference (number + access key + family name) for identity-service's registration, with the lockout after five wrong tries; the first account linked to a dossier announced to the dossier's recorded e-mail (DossierAccountLinked). */
package fr.portailfamille.dossier.linking;
