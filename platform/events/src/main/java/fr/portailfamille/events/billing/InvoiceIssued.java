package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * billing-service issued an invoice for a dossier. dossier-service adds it to the family's
 * « Mes documents » (so that list is one call); the PDF stays in billing-service, at
 * {@code downloadPath} through the gateway; the family is e-mailed « Nouvelle facture disponible »
 * at the dossier's address (never with the PDF attached). Amount in euros, scale 2; dates are the
 * days people read.
 */
public record InvoiceIssued(
        String dossierNumber,
        String invoiceId,
        String invoiceNumber,
        String periodLabel,
        BigDecimal amount,
        LocalDate issuedOn,
        LocalDate dueOn,
        String fileName,
        long sizeBytes,
        String downloadPath,
        String familyName,
        String email) implements FamilyEvent {

    /** Without the family's address: events written before it was carried (dossier-service's tests). */
    public InvoiceIssued(String dossierNumber, String invoiceId, String invoiceNumber, String periodLabel,
                         BigDecimal amount, LocalDate issuedOn, LocalDate dueOn, String fileName, long sizeBytes,
                         String downloadPath) {
        this(dossierNumber, invoiceId, invoiceNumber, periodLabel, amount, issuedOn, dueOn, fileName, sizeBytes,
                downloadPath, null, null);
    }
}
