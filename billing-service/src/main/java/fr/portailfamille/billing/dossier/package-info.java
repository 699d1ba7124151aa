/**
 * dossier-service, asked now (ADR 004): the billing profiles of a batch's dossiers (family, e-mail,
 * address, access key), through Feign with billing-service's service-account token, under a timeout
 * and a circuit breaker; 503 when it cannot answer.
 */
package fr.portailfamille.billing.dossier;
