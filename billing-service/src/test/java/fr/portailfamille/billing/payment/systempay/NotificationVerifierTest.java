package fr.portailfamille.billing.payment.systempay;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NotificationVerifierTest {

    static final String TEST_KEY = "1122334455667788";
    static final String PRODUCTION_KEY = "PRODUCTION-key-9988";
    static final SystempayShop SHOP = new SystempayShop("12345678", SystempayMode.PRODUCTION, TEST_KEY,
            PRODUCTION_KEY, SignatureAlgorithm.HMAC_SHA_256, URI.create("https://bank.example/vads-payment/"));

    private final NotificationVerifier verifier = new NotificationVerifier(SHOP);

    /** A notification as the bank posts it, signed with {@code key}. */
    static Map<String, String> notification(String mode, String key, String status) {
        Map<String, String> fields = new HashMap<>();
        fields.put("vads_site_id", "12345678");
        fields.put("vads_ctx_mode", mode);
        fields.put("vads_trans_id", "000042");
        fields.put("vads_trans_date", "20261031225958");
        fields.put("vads_amount", "5150");
        fields.put("vads_currency", "978");
        fields.put("vads_order_id", "PAY-2026-000042");
        fields.put("vads_trans_status", status);
        fields.put("vads_trans_uuid", "9d5c2a0e1b7f4c3e8a6d0f2b4c6e8a0d");
        fields.put("vads_operation_type", "DEBIT");
        fields.put("vads_url_check_src", "PAY");
        fields.put("vads_payment_error", "");
        fields.put("signature", VadsSignature.sign(fields, key, SignatureAlgorithm.HMAC_SHA_256));
        return fields;
    }

    @Test
    void a_signed_notification_is_read() {
        SystempayNotification notification = verifier.verify(notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED"));

        assertThat(notification.mode()).isEqualTo(SystempayMode.PRODUCTION);
        assertThat(notification.transId()).isEqualTo("000042");
        assertThat(notification.transDate()).isEqualTo(Instant.parse("2026-10-31T22:59:58Z"));
        assertThat(notification.amountInCents()).isEqualTo(5150);
        assertThat(notification.currency()).isEqualTo("978");
        assertThat(notification.orderId()).isEqualTo("PAY-2026-000042");
        assertThat(notification.outcome()).isEqualTo(PaymentOutcome.PAID);
        assertThat(notification.transStatus()).isEqualTo("CAPTURED");
        assertThat(notification.isRefund()).isFalse();
        assertThat(notification.matches(5150, "978", SystempayMode.PRODUCTION)).isTrue();
        assertThat(notification.matches(5149, "978", SystempayMode.PRODUCTION)).isFalse();
        assertThat(notification.matches(5150, "978", SystempayMode.TEST)).isFalse();
    }

    @Test
    void the_key_is_the_one_of_the_notifications_mode() {
        assertThat(verifier.verify(notification("TEST", TEST_KEY, "REFUSED")).outcome()).isEqualTo(PaymentOutcome.REFUSED);
        assertThatThrownBy(() -> verifier.verify(notification("TEST", PRODUCTION_KEY, "CAPTURED")))
                .isInstanceOf(InvalidNotificationException.class).hasMessageContaining("wrong signature");
        assertThatThrownBy(() -> verifier.verify(notification("PRODUCTION", TEST_KEY, "CAPTURED")))
                .isInstanceOf(InvalidNotificationException.class).hasMessageContaining("wrong signature");
    }

    @Test
    void an_altered_amount_or_status_breaks_the_signature() {
        Map<String, String> altered = notification("PRODUCTION", PRODUCTION_KEY, "REFUSED");
        altered.put("vads_amount", "5149");
        assertThatThrownBy(() -> verifier.verify(altered)).isInstanceOf(InvalidNotificationException.class);

        Map<String, String> promoted = notification("PRODUCTION", PRODUCTION_KEY, "REFUSED");
        promoted.put("vads_trans_status", "CAPTURED");
        assertThatThrownBy(() -> verifier.verify(promoted)).isInstanceOf(InvalidNotificationException.class);

        Map<String, String> added = notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED");
        added.put("vads_extra", "x");
        assertThatThrownBy(() -> verifier.verify(added)).isInstanceOf(InvalidNotificationException.class);
    }

    @Test
    void a_notification_without_signature_mode_or_for_another_shop_is_refused() {
        Map<String, String> unsigned = notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED");
        unsigned.remove("signature");
        assertThatThrownBy(() -> verifier.verify(unsigned)).hasMessageContaining("without signature");

        Map<String, String> noMode = notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED");
        noMode.put("vads_ctx_mode", "DEMO");
        assertThatThrownBy(() -> verifier.verify(noMode)).hasMessageContaining("vads_ctx_mode");

        Map<String, String> otherShop = notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED");
        otherShop.put("vads_site_id", "87654321");
        otherShop.put("signature", VadsSignature.sign(otherShop, PRODUCTION_KEY, SignatureAlgorithm.HMAC_SHA_256));
        assertThatThrownBy(() -> verifier.verify(otherShop)).hasMessageContaining("another shop");

        SystempayShop testOnly = new SystempayShop("12345678", SystempayMode.TEST, TEST_KEY, null,
                SignatureAlgorithm.HMAC_SHA_256, URI.create("https://bank.example/vads-payment/"));
        assertThatThrownBy(() -> new NotificationVerifier(testOnly).verify(notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED")))
                .hasMessageContaining("no key");
    }

    @Test
    void a_signed_but_malformed_value_is_refused_and_the_message_never_shows_a_key() {
        Map<String, String> malformed = notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED");
        malformed.put("vads_amount", "51.50");
        malformed.put("signature", VadsSignature.sign(malformed, PRODUCTION_KEY, SignatureAlgorithm.HMAC_SHA_256));

        assertThatThrownBy(() -> verifier.verify(malformed))
                .isInstanceOf(InvalidNotificationException.class)
                .hasMessageContaining("vads_amount")
                .hasMessageNotContaining(PRODUCTION_KEY);
    }

    @Test
    void a_refund_notification_says_so() {
        Map<String, String> refund = notification("PRODUCTION", PRODUCTION_KEY, "CAPTURED");
        refund.put("vads_operation_type", "CREDIT");
        refund.put("signature", VadsSignature.sign(refund, PRODUCTION_KEY, SignatureAlgorithm.HMAC_SHA_256));

        assertThat(verifier.verify(refund).isRefund()).isTrue();
    }
}
