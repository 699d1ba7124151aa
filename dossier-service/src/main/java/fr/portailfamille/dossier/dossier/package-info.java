/**
 * Family dossiers: number, family name, contact, access key (stored as a BCrypt hash for registration
 * and AES-GCM encrypted for billing-service's invoices; agents issue a new one); who may reach which dossier.
 */
package fr.portailfamille.dossier.dossier;
