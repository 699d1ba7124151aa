package fr.portailfamille.billing.payment.systempay;

import java.time.Instant;

/**
 * A notification ({@code vads_url_check}) whose signature, shop and values were checked by
 * {@link NotificationVerifier}. Whether it matches one of our payments (transaction known, same
 * amount, currency and mode) is for the payment service to check, with {@link #matches}.
 *
 * @param transStatus   {@code vads_trans_status} as received (for the journal), its meaning in {@code outcome}
 * @param orderId       {@code vads_order_id}, {@code null} if absent
 * @param transUuid     {@code vads_trans_uuid}, the bank's own reference, {@code null} if absent
 * @param operationType {@code vads_operation_type}: {@code DEBIT} for a payment, {@code CREDIT} for a
 *                      refund; {@code null} if absent
 */
public record SystempayNotification(String siteId, SystempayMode mode, String transId, Instant transDate,
                                    long amountInCents, String currency, String orderId, String transStatus,
                                    PaymentOutcome outcome, String transUuid, String operationType) {

    /** Whether it is about a payment of {@code amountInCents} in {@code currency} made in {@code mode}. */
    public boolean matches(long expectedAmountInCents, String expectedCurrency, SystempayMode expectedMode) {
        return amountInCents == expectedAmountInCents && currency.equals(expectedCurrency) && mode == expectedMode;
    }

    /** Whether it is about a refund rather than a payment. */
    public boolean isRefund() {
        return "CREDIT".equals(operationType);
    }
}
