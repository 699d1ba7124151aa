/**
 * The registration wizard « Ma première connexion »: drafts kept 7 days, the dossier reference
 * checked with dossier-service, the CGU accepted, then the disabled account and its activation mail.
 */
package fr.portailfamille.identity.registration;
