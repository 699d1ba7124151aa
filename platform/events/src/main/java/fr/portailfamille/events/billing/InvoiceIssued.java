package fr.portailfamille.events.billing;

import fr.portailfamille.events.PortalEvent;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * billing-service issued an invoice for a dossier. dossier-service adds it to the family's
 * « Mes documents » (so that list is one call); the PDF stays in billing-service, at
 * {@code downloadPath} through the gateway. Amount in euros, scale 2; dates are the days people read.
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
        String downloadPath) implements PortalEvent {

    @Override
    public String subject() {
        return dossierNumber;
    }
}
