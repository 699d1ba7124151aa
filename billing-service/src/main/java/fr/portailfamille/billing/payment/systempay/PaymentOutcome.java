package fr.portailfamille.billing.payment.systempay;

import java.util.Set;

/** What a notification's {@code vads_trans_status} means for the invoices of the payment. */
public enum PaymentOutcome {

    /** {@code AUTHORISED}, {@code CAPTURED}, {@code ACCEPTED}: the invoices are paid. */
    PAID,
    /** {@code REFUSED}: the bank said no; the invoices become payable again. */
    REFUSED,
    /** {@code ABANDONED}, {@code CANCELLED}, {@code EXPIRED}: the family did not finish; payable again. */
    ABANDONED,
    /** Any other status (waiting for authorisation or for validation, or one we do not know): still in progress. */
    PENDING;

    private static final Set<String> PAID_STATUSES = Set.of("AUTHORISED", "CAPTURED", "ACCEPTED");
    private static final Set<String> ABANDONED_STATUSES = Set.of("ABANDONED", "CANCELLED", "EXPIRED");

    /** The outcome of a {@code vads_trans_status} (as the bank writes it: upper case). */
    public static PaymentOutcome ofTransStatus(String status) {
        if (status == null) {
            return PENDING;
        }
        if (PAID_STATUSES.contains(status)) {
            return PAID;
        }
        if ("REFUSED".equals(status)) {
            return REFUSED;
        }
        return ABANDONED_STATUSES.contains(status) ? ABANDONED : PENDING;
    }

    /** Whether the payment is over (paid, refused or abandoned). */
    public boolean isFinal() {
        return this != PENDING;
    }
}
