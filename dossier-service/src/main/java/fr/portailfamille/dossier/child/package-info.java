/** Children (enfants) of a dossier: agents add them (school, class, activities); families read their own, oldest first. */
package fr.portailfamille.dossier.child;
