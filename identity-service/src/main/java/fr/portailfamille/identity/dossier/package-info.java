/** dossier-service's reference check (number, access key, family name), called with a timeout under a circuit breaker. */
package fr.portailfamille.identity.dossier;
