package fr.portailfamille.billing.payment;

import java.time.Duration;
import java.util.Optional;

/**
 * The port every bank adapter implements ({@code payment.systempay}, {@code payment.payfip}): open a
 * payment and give the form that sends the browser to the bank; say how long the bank may take; ask
 * the bank, when it can be asked, what became of a payment left without notification. Each adapter
 * also receives its own notifications ({@code /bank/<provider>/notifications}) and hands a checked
 * {@link BankNotice} to {@link PaymentSettlement}.
 */
public interface PaymentProvider {

    Provider provider();

    /** Whether its configuration is complete (an authority configures only the providers it uses). */
    boolean configured();

    /** At most this many invoices in one payment; empty for no limit. PayFiP: 1. */
    Optional<Integer> maxInvoicesPerPayment();

    /** How long a payment may stay in progress before it is checked with the bank or given up. */
    Duration window();

    /**
     * Opens the payment at the bank (Systempay: a signed form, nothing remote; PayFiP: SOAP
     * {@code creerPaiementSecurise}).
     *
     * @throws ProviderUnavailableException when the bank cannot be reached or refuses the request
     */
    StartedPayment start(PaymentStart start);

    /**
     * What the bank says now of a payment past its window: a notice, or {@link BankOutcome#EXPIRED}
     * when the bank cannot be asked (Systempay) or knows no result any more; empty when the bank
     * cannot answer now (try again later).
     */
    Optional<BankNotice> checkExpired(PaymentReference payment);

    /**
     * A notification of this provider kept as received ({@code bank_notification.payload}, acknowledged
     * already), read again by the settling worker: the same checks as when it came (Systempay: the
     * signature), and, when the notification only names the payment, the bank asked for the result
     * (PayFiP: SOAP {@code recupererDetailPaiementSecurise}).
     *
     * @throws BankNotificationRejected when it must not be believed (it will never be)
     * @throws ProviderUnavailableException when the bank could not be asked (try again later)
     */
    BankNotice readNotification(String payload);

    /** How a payment is known at the bank, for {@link #checkExpired}. */
    record PaymentReference(java.util.UUID paymentId, String shopId, String mode, String reference,
                            java.time.Instant referenceDate, long amountInCents, java.time.Instant expiresAt) {
    }
}
