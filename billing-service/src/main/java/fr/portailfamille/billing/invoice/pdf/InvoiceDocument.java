package fr.portailfamille.billing.invoice.pdf;

import fr.portailfamille.billing.invoice.InvoiceLine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything an invoice's PDF prints, as values: who sends it, to whom, the dossier and its access
 * key (the seed tells families « vous trouverez votre numéro de dossier sur votre facture »), the
 * period, the dates, the lines and the total, and where to pay online.
 *
 * @param authorityAddress the authority's postal address, one line each
 * @param familyAddress    the family's postal address, one line each (empty when unknown)
 * @param accessKey        the dossier's access key, or {@code null} when dossier-service keeps none readable
 */
public record InvoiceDocument(String authorityName, List<String> authorityAddress, String portalUrl,
                              String familyName, List<String> familyAddress, String dossierNumber,
                              String accessKey, String invoiceNumber, String period, LocalDate issueDate,
                              LocalDate dueDate, List<InvoiceLine> lines, BigDecimal total) {

    public InvoiceDocument {
        authorityAddress = List.copyOf(authorityAddress);
        familyAddress = List.copyOf(familyAddress);
        lines = List.copyOf(lines);
    }
}
