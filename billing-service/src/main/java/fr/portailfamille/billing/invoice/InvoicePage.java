package fr.portailfamille.billing.invoice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A page of invoices, shaped like the portal's other pages: the items, the page asked (from 0), its size,
 * the total count; and where each item stands (by invoice id).
 */
public record InvoicePage(List<Invoice> items, int page, int size, long total, Map<UUID, InvoiceStanding> standings) {

    public InvoiceStanding standingOf(Invoice invoice) {
        return standings.get(invoice.getId());
    }
}
