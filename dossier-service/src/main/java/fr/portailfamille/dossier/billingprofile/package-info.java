/**
 * What billing-service asks of dossiers to import invoices (ADR 004): for a batch of numbers, the
 * known dossiers with the family's name, e-mail, postal address and the access key to print, in one
 * query; for the {@code invoicing} role only.
 */
package fr.portailfamille.dossier.billingprofile;
