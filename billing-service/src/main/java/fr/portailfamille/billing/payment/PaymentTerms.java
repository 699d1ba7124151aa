package fr.portailfamille.billing.payment;

import java.math.BigDecimal;
import java.util.UUID;

/** What a bank notification is compared with before it is acknowledged: a payment's id, amount and mode, read without its invoices. */
record PaymentTerms(UUID id, BigDecimal amount, String providerMode) {
}
