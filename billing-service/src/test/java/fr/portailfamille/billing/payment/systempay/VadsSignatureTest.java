package fr.portailfamille.billing.payment.systempay;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The provider's worked examples, computed with our code and compared with the values its
 * documentation prints (see billing-service/README.md, « Systempay », for where they are).
 */
class VadsSignatureTest {

    /** The documentation's test key. */
    static final String DOC_KEY = "1122334455667788";

    /** The fields of the SHA-1 example (« Calculer la signature », amount 1524), deliberately unsorted. */
    static Map<String, String> sha1ExampleFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("vads_version", "V2");
        fields.put("vads_trans_id", "654321");
        fields.put("vads_site_id", "12345678");
        fields.put("vads_amount", "1524");
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_ctx_mode", "TEST");
        fields.put("vads_currency", "978");
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_trans_date", "20090501193530");
        return fields;
    }

    /** The fields of the HMAC-SHA-256 example (amount 5124). */
    static Map<String, String> hmacExampleFields() {
        Map<String, String> fields = new HashMap<>();
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_amount", "5124");
        fields.put("vads_ctx_mode", "TEST");
        fields.put("vads_currency", "978");
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_site_id", "12345678");
        fields.put("vads_trans_date", "20170129130025");
        fields.put("vads_trans_id", "123456");
        fields.put("vads_version", "V2");
        return fields;
    }

    @Test
    void the_documented_sha1_example() {
        assertThat(VadsSignature.signedText(sha1ExampleFields(), DOC_KEY))
                .isEqualTo("INTERACTIVE+1524+TEST+978+PAYMENT+SINGLE+12345678+20090501193530+654321+V2+1122334455667788");
        assertThat(VadsSignature.sign(sha1ExampleFields(), DOC_KEY, SignatureAlgorithm.SHA_1))
                .isEqualTo("606b369759fac4f0864144c803c73676cbe470ff");
    }

    @Test
    void the_documented_hmac_sha256_example() {
        assertThat(VadsSignature.sign(hmacExampleFields(), DOC_KEY, SignatureAlgorithm.HMAC_SHA_256))
                .isEqualTo("ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0=");
    }

    @Test
    void hmac_agrees_with_javax_crypto_on_the_documented_field_list() throws Exception {
        String text = "INTERACTIVE+5124+TEST+978+PAYMENT+SINGLE+12345678+20170129130025+123456+V2+" + DOC_KEY;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(DOC_KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String byHand = Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));

        assertThat(VadsSignature.sign(hmacExampleFields(), DOC_KEY, SignatureAlgorithm.HMAC_SHA_256)).isEqualTo(byHand);
    }

    @Test
    void empty_vads_fields_are_signed_and_other_fields_are_not() {
        Map<String, String> fields = new HashMap<>(hmacExampleFields());
        fields.put("vads_order_info", "");
        fields.put("signature", "whatever");
        fields.put("pay", "Payer");

        assertThat(VadsSignature.signedText(fields, DOC_KEY))
                .isEqualTo("INTERACTIVE+5124+TEST+978++PAYMENT+SINGLE+12345678+20170129130025+123456+V2+" + DOC_KEY);
        assertThat(VadsSignature.sign(fields, DOC_KEY, SignatureAlgorithm.HMAC_SHA_256))
                .isNotEqualTo(VadsSignature.sign(hmacExampleFields(), DOC_KEY, SignatureAlgorithm.HMAC_SHA_256));
    }

    @Test
    void values_are_signed_in_utf8() {
        Map<String, String> fields = Map.of("vads_cust_last_name", "Hélène", "vads_amount", "100");
        String expected = "100+Hélène+" + DOC_KEY;
        assertThat(VadsSignature.signedText(fields, DOC_KEY)).isEqualTo(expected);
        assertThat(VadsSignature.sign(fields, DOC_KEY, SignatureAlgorithm.SHA_1)).hasSize(40);
    }

    @Test
    void matching_accepts_the_right_signature_only() {
        Map<String, String> fields = hmacExampleFields();
        String right = VadsSignature.sign(fields, DOC_KEY, SignatureAlgorithm.HMAC_SHA_256);

        assertThat(VadsSignature.matches(fields, DOC_KEY, SignatureAlgorithm.HMAC_SHA_256, right)).isTrue();
        assertThat(VadsSignature.matches(fields, "8877665544332211", SignatureAlgorithm.HMAC_SHA_256, right)).isFalse();
        assertThat(VadsSignature.matches(fields, DOC_KEY, SignatureAlgorithm.HMAC_SHA_256, right.substring(1))).isFalse();
        assertThat(VadsSignature.matches(fields, DOC_KEY, SignatureAlgorithm.HMAC_SHA_256, null)).isFalse();
        assertThat(VadsSignature.matches(sha1ExampleFields(), DOC_KEY, SignatureAlgorithm.SHA_1,
                "606B369759FAC4F0864144C803C73676CBE470FF")).isTrue();
    }
}
