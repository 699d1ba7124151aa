package fr.portailfamille.events.billing;

import java.math.BigDecimal;

/** One invoice settled (or not) by a payment, as the receipt lists it. Amount in euros, scale 2. */
public record PaidInvoice(String invoiceId, String invoiceNumber, String periodLabel, BigDecimal amount) {
}
