package fr.portailfamille.billing.invoice;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What a direct-debit file knows of an invoice it collects: given by {@link InvoiceDebits}, never the entity.
 *
 * @param total euros, scale 2
 */
public record DebitableInvoice(UUID id, String number, String period, BigDecimal total, String dossierNumber,
                               String familyName, String email) {

    static DebitableInvoice of(Invoice invoice) {
        return new DebitableInvoice(invoice.getId(), invoice.getNumber(), invoice.getPeriod(), invoice.getTotal(),
                invoice.getDossierNumber(), invoice.getFamilyName(), invoice.getEmail());
    }
}
