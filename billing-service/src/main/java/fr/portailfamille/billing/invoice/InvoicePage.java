package fr.portailfamille.billing.invoice;

import java.util.List;

/** A page of invoices, shaped like the portal's other pages: the items, the page asked (from 0), its size, the total count. */
public record InvoicePage(List<Invoice> items, int page, int size, long total) {
}
