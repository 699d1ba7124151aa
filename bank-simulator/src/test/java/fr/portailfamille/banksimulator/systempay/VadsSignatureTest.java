package fr.portailfamille.banksimulator.systempay;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The worked example of the provider's implementation guide (« Guide d'implémentation formulaire de
 * paiement », Systempay/PayZen): key 1122334455667788, shop 12345678, 51.24 € on 2017-01-29 13:00:25 UTC,
 * transaction 123456. The expected values are the ones the guide prints.
 */
class VadsSignatureTest {

    private static final String KEY = "1122334455667788";

    private static Map<String, String> guideFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vads_version", "V2");
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_site_id", "12345678");
        fields.put("vads_ctx_mode", "TEST");
        fields.put("vads_trans_id", "123456");
        fields.put("vads_trans_date", "20170129130025");
        fields.put("vads_amount", "5124");
        fields.put("vads_currency", "978");
        return fields;
    }

    @Test
    void hmacSha256MatchesTheGuide() {
        assertThat(VadsSignature.compute(guideFields(), KEY, SignatureAlgorithm.HMAC_SHA_256))
                .isEqualTo("ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=");
    }

    @Test
    void sha1MatchesTheGuide() {
        assertThat(VadsSignature.compute(guideFields(), KEY, SignatureAlgorithm.SHA_1))
                .isEqualTo("59c96b34c74b9375c332b0b6a32e6deeec87de2b");
    }

    @Test
    void onlyVadsFieldsCountEmptyOnesIncluded() {
        Map<String, String> withOthers = guideFields();
        withOthers.put("signature", "anything");
        withOthers.put("submit", "Payer");
        assertThat(VadsSignature.compute(withOthers, KEY, SignatureAlgorithm.SHA_1))
                .isEqualTo("59c96b34c74b9375c332b0b6a32e6deeec87de2b");

        Map<String, String> withEmpty = guideFields();
        withEmpty.put("vads_order_id", "");
        assertThat(VadsSignature.compute(withEmpty, KEY, SignatureAlgorithm.SHA_1))
                .isNotEqualTo("59c96b34c74b9375c332b0b6a32e6deeec87de2b");
    }

    @Test
    void matchesChecksTheSignatureAndAcceptsUpperCaseSha1() {
        assertThat(VadsSignature.matches(guideFields(), KEY, SignatureAlgorithm.SHA_1, "59C96B34C74B9375C332B0B6A32E6DEEEC87DE2B")).isTrue();
        assertThat(VadsSignature.matches(guideFields(), KEY, SignatureAlgorithm.HMAC_SHA_256, "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=")).isTrue();
        assertThat(VadsSignature.matches(guideFields(), "another key", SignatureAlgorithm.HMAC_SHA_256, "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=")).isFalse();
        assertThat(VadsSignature.matches(guideFields(), KEY, SignatureAlgorithm.HMAC_SHA_256, null)).isFalse();
    }
}
