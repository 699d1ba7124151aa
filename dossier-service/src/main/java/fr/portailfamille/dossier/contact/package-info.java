/** « Modifier mes coordonnées »: the dossier's contact and a guardian's details changed at once, recorded as an accepted request, told by ContactDetailsChanged. */
package fr.portailfamille.dossier.contact;
