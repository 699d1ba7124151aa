package fr.portailfamille.billing.invoice;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a payment knows of an invoice it pays: given by {@link InvoicePayments}, never the entity.
 *
 * @param period     « Septembre 2026 »
 * @param total      euros, scale 2
 * @param familyName the family as dossier-service named it at import (greeting of the mails)
 * @param email      the dossier's address at import, or {@code null}
 */
public record PayableInvoice(UUID id, String number, String period, BigDecimal total, String dossierNumber,
                             String familyName, String email) {

    static PayableInvoice of(Invoice invoice) {
        return new PayableInvoice(invoice.getId(), invoice.getNumber(), invoice.getPeriod(), invoice.getTotal(),
                invoice.getDossierNumber(), invoice.getFamilyName(), invoice.getEmail());
    }
}
