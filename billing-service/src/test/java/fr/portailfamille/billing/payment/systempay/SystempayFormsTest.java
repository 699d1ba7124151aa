package fr.portailfamille.billing.payment.systempay;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SystempayFormsTest {

    static final SystempayShop SHOP = new SystempayShop("12345678", SystempayMode.TEST, "1122334455667788",
            "PRODUCTION-key-9988", SignatureAlgorithm.HMAC_SHA_256, URI.create("https://bank.example/vads-payment/"));

    static PaymentFormRequest request() {
        return new PaymentFormRequest("000042", Instant.parse("2026-10-31T22:59:58Z"), 5150, "PAY-2026-000042",
                "claire.durand@example.fr",
                new PaymentFormRequest.ReturnUrls(URI.create("https://portail.example/facturation/retour"),
                        URI.create("https://portail.example/facturation/retour?resultat=paye"), null,
                        URI.create("https://portail.example/facturation/retour?resultat=abandon"), null),
                URI.create("https://portail.example/api/billing/payments/systempay/notification"));
    }

    @Test
    void the_form_has_every_field_of_a_single_payment_in_euros_and_is_signed() {
        SystempayForm form = SystempayForms.build(SHOP, request());

        assertThat(form.action()).isEqualTo(URI.create("https://bank.example/vads-payment/"));
        assertThat(form.fields()).contains(
                entry("vads_site_id", "12345678"),
                entry("vads_ctx_mode", "TEST"),
                entry("vads_trans_id", "000042"),
                entry("vads_trans_date", "20261031225958"),
                entry("vads_amount", "5150"),
                entry("vads_currency", "978"),
                entry("vads_action_mode", "INTERACTIVE"),
                entry("vads_page_action", "PAYMENT"),
                entry("vads_payment_config", "SINGLE"),
                entry("vads_version", "V2"),
                entry("vads_language", "fr"),
                entry("vads_order_id", "PAY-2026-000042"),
                entry("vads_cust_email", "claire.durand@example.fr"),
                entry("vads_url_return", "https://portail.example/facturation/retour"),
                entry("vads_url_success", "https://portail.example/facturation/retour?resultat=paye"),
                entry("vads_url_cancel", "https://portail.example/facturation/retour?resultat=abandon"),
                entry("vads_url_check", "https://portail.example/api/billing/payments/systempay/notification"));
        assertThat(form.fields()).doesNotContainKeys("vads_url_refused", "vads_url_error");

        List<String> names = new ArrayList<>(form.fields().keySet());
        assertThat(names.get(names.size() - 1)).isEqualTo("signature");
        assertThat(names.subList(0, names.size() - 1)).isSorted();
        assertThat(VadsSignature.matches(form.fields(), "1122334455667788", SignatureAlgorithm.HMAC_SHA_256,
                form.signature())).isTrue();
    }

    @Test
    void a_production_shop_signs_with_its_production_key() {
        SystempayShop production = new SystempayShop("12345678", SystempayMode.PRODUCTION, "1122334455667788",
                "PRODUCTION-key-9988", SignatureAlgorithm.SHA_1, URI.create("https://bank.example/vads-payment/"));

        SystempayForm form = SystempayForms.build(production, request());

        assertThat(form.fields()).containsEntry("vads_ctx_mode", "PRODUCTION");
        assertThat(form.signature()).matches("[0-9a-f]{40}");
        assertThat(VadsSignature.matches(form.fields(), "PRODUCTION-key-9988", SignatureAlgorithm.SHA_1,
                form.signature())).isTrue();
    }

    @Test
    void a_request_outside_the_protocol_is_refused() {
        PaymentFormRequest good = request();
        assertThatThrownBy(() -> new PaymentFormRequest("12345", good.transDate(), 5150, good.orderId(),
                good.customerEmail(), good.returnUrls(), good.checkUrl())).hasMessageContaining("vads_trans_id");
        assertThatThrownBy(() -> new PaymentFormRequest("12345!", good.transDate(), 5150, good.orderId(),
                good.customerEmail(), good.returnUrls(), good.checkUrl())).hasMessageContaining("vads_trans_id");
        assertThatThrownBy(() -> new PaymentFormRequest("000042", good.transDate(), 0, good.orderId(),
                good.customerEmail(), good.returnUrls(), good.checkUrl())).hasMessageContaining("positive");
        assertThatThrownBy(() -> new PaymentFormRequest("000042", good.transDate(), 5150, "a b",
                good.customerEmail(), good.returnUrls(), good.checkUrl())).hasMessageContaining("vads_order_id");
        assertThatThrownBy(() -> new PaymentFormRequest("000042", good.transDate(), 5150, good.orderId(),
                good.customerEmail(), good.returnUrls(), URI.create("/relative"))).hasMessageContaining("vads_url_check");
    }

    @Test
    void a_shop_never_shows_its_keys() {
        assertThat(SHOP.toString()).contains("12345678").doesNotContain("1122334455667788", "PRODUCTION-key-9988");
        assertThatThrownBy(() -> new SystempayShop("1234", SystempayMode.TEST, "k", null,
                SignatureAlgorithm.HMAC_SHA_256, URI.create("https://bank.example/"))).hasMessageContaining("8 digits");
        assertThatThrownBy(() -> new SystempayShop("12345678", SystempayMode.PRODUCTION, "k", " ",
                SignatureAlgorithm.HMAC_SHA_256, URI.create("https://bank.example/"))).hasMessageContaining("no key");
    }
}
