package fr.portailfamille.billing.payment;

import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.UUID;

/**
 * What a provider needs to open a payment at the bank.
 *
 * @param orderId     our reference of the payment (letters and digits, 32 at most)
 * @param invoices    the invoices paid (one for PayFiP)
 * @param email       where the bank sends its own receipt
 * @param returnUrl   where the browser comes back to see the payment's state
 */
public record PaymentStart(UUID paymentId, String orderId, BigDecimal amount, long amountInCents, String email,
                           List<Invoice> invoices, URI returnUrl) {

    public PaymentStart {
        invoices = List.copyOf(invoices);
    }

    /** An invoice of the payment, as the bank's page may show it. */
    public record Invoice(String number, String period) {
    }
}
