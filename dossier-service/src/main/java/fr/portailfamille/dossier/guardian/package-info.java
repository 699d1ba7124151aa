/** Guardians (responsables légaux): at most two per dossier, recorded by agents; guardian 1 is the dossier's contact. */
package fr.portailfamille.dossier.guardian;
