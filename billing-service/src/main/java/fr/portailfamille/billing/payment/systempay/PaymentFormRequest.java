package fr.portailfamille.billing.payment.systempay;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One attempt to pay, as the form tells the bank.
 *
 * @param transId       {@code vads_trans_id}: 6 letters or digits, unique for the shop during the UTC day
 *                      of {@code transDate} (see {@link TransactionIdGenerator})
 * @param transDate     {@code vads_trans_date}: when the form is made (sent in UTC)
 * @param amountInCents {@code vads_amount}: the total of the invoices paid, in cents (5150 for 51.50 €)
 * @param orderId       {@code vads_order_id}: our reference of the payment (letters, digits, {@code -} and {@code _})
 * @param customerEmail {@code vads_cust_email}: where the bank sends its own receipt
 * @param returnUrls    where the bank sends the browser back
 * @param checkUrl      {@code vads_url_check}: where the bank notifies the result, server to server
 */
public record PaymentFormRequest(String transId, Instant transDate, long amountInCents, String orderId,
                                 String customerEmail, ReturnUrls returnUrls, URI checkUrl) {

    private static final Pattern TRANS_ID = Pattern.compile("[0-9A-Za-z]{6}");
    private static final Pattern ORDER_ID = Pattern.compile("[0-9A-Za-z_-]{1,64}");

    public PaymentFormRequest {
        if (transId == null || !TRANS_ID.matcher(transId).matches()) {
            throw new IllegalArgumentException("vads_trans_id has 6 letters or digits: " + transId);
        }
        Objects.requireNonNull(transDate, "transDate");
        if (amountInCents <= 0) {
            throw new IllegalArgumentException("A payment is of a positive amount: " + amountInCents);
        }
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw new IllegalArgumentException("vads_order_id has 1 to 64 letters, digits, - or _: " + orderId);
        }
        if (customerEmail == null || !customerEmail.contains("@") || customerEmail.length() > 150) {
            throw new IllegalArgumentException("vads_cust_email is an e-mail address of 150 characters at most");
        }
        Objects.requireNonNull(returnUrls, "returnUrls");
        requireWebAddress(checkUrl, "vads_url_check");
    }

    static URI requireWebAddress(URI uri, String field) {
        if (uri == null || !uri.isAbsolute() || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
            throw new IllegalArgumentException(field + " is an absolute http(s) address: " + uri);
        }
        return uri;
    }

    /**
     * Where the browser comes back: {@code vads_url_return} always, and when given the pages for a
     * success, a refusal, a cancellation and an error ({@code vads_url_success}, {@code vads_url_refused},
     * {@code vads_url_cancel}, {@code vads_url_error}). They only show the state: the notification
     * alone decides.
     */
    public record ReturnUrls(URI returnUrl, URI success, URI refused, URI cancel, URI error) {

        public ReturnUrls {
            requireWebAddress(returnUrl, "vads_url_return");
            for (URI uri : new URI[] {success, refused, cancel, error}) {
                if (uri != null) {
                    requireWebAddress(uri, "vads_url_*");
                }
            }
        }

        /** The same page whatever happened. */
        public static ReturnUrls only(URI returnUrl) {
            return new ReturnUrls(returnUrl, null, null, null, null);
        }
    }
}
