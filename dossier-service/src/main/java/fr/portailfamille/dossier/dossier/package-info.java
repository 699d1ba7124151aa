/** Family dossiers: number, family name, contact, access key (generated once, stored hashed); who may reach which dossier. */
package fr.portailfamille.dossier.dossier;
