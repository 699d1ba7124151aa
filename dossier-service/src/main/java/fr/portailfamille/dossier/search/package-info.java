/** Agents' search of dossiers by number, family name or a child's name, accents and case folded, paged. */
package fr.portailfamille.dossier.search;
