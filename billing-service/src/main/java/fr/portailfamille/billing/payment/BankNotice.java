package fr.portailfamille.billing.payment;

import java.time.Instant;
import java.util.Objects;

/**
 * What the bank said of one payment, once its provider adapter has checked it (Systempay: signature,
 * shop and values; PayFiP: the detail fetched by SOAP). The payment service still finds the payment
 * (by shop, reference and date) and compares amount, currency and mode before believing it.
 *
 * @param bankStatus    the provider's own word, kept for the journal ({@code AUTHORISED}, {@code R}...)
 * @param bankReference the bank's own reference ({@code vads_trans_uuid}, PayFiP's {@code numauto}), or null
 * @param decidedAt     when the bank decided, if it says; else null
 */
public record BankNotice(Provider provider, String shopId, String reference, Instant referenceDate, String mode,
                         long amountInCents, String currency, BankOutcome outcome, String bankStatus,
                         String bankReference, Instant decidedAt) {

    /** ISO 4217 numeric code of the euro: the only currency of the portal. */
    public static final String EURO = "978";

    public BankNotice {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(outcome, "outcome");
    }
}
