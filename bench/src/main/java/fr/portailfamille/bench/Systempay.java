package fr.portailfamille.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The bank's AUTHORISED notification for a payment form, field for field as bank-simulator sends it
 * ({@code TransactionResults.paid} with the accepting card 4970 1000 0000 0000, then {@code signed} with
 * {@code vads_url_check_src=PAY}): the form's customer and order fields echoed, the transaction, the card
 * masked; signed with HMAC-SHA-256 (Base64) over the {@code vads_} values sorted by name, joined with
 * {@code +}, then {@code +} and the key.
 */
final class Systempay {

    /** The simulator's public test key (billing-service's local default). */
    static final String TEST_KEY = "simulator-test-key-0123456789";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final DateTimeFormatter TRANS_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private Systempay() {
    }

    /** The notification's fields, signature included, for the signed form {@code form}. */
    static SortedMap<String, String> authorised(Map<String, String> form, String key) {
        String now = LocalDateTime.now(ZoneOffset.UTC).format(TRANS_DATE);
        SortedMap<String, String> fields = new TreeMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("vads_cust_") || name.startsWith("vads_order_") || name.startsWith("vads_ext_info_")) {
                fields.put(name, value);
            }
        });
        fields.put("vads_site_id", form.get("vads_site_id"));
        fields.put("vads_ctx_mode", form.get("vads_ctx_mode"));
        fields.put("vads_version", "V2");
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_trans_id", form.get("vads_trans_id"));
        fields.put("vads_trans_date", form.get("vads_trans_date"));
        fields.put("vads_trans_uuid", hex(16));
        fields.put("vads_trans_status", "AUTHORISED");
        fields.put("vads_result", "00");
        fields.put("vads_extra_result", "");
        fields.put("vads_amount", form.get("vads_amount"));
        fields.put("vads_currency", form.get("vads_currency"));
        fields.put("vads_effective_amount", form.get("vads_amount"));
        fields.put("vads_effective_currency", form.get("vads_currency"));
        fields.put("vads_effective_creation_date", now);
        fields.put("vads_presentation_date", now);
        fields.put("vads_operation_type", "DEBIT");
        fields.put("vads_capture_delay", "0");
        fields.put("vads_validation_mode", "0");
        fields.put("vads_payment_src", "EC");
        fields.put("vads_sequence_number", "1");
        String language = form.get("vads_language");
        fields.put("vads_language", language == null || language.isBlank() ? "fr" : language);
        fields.put("vads_hash", hex(32));
        fields.put("vads_auth_mode", "FULL");
        fields.put("vads_auth_result", "00");
        fields.put("vads_auth_number", String.format("%06d", RANDOM.nextInt(1_000_000)));
        fields.put("vads_payment_certificate", hex(20));
        fields.put("vads_card_brand", "CB");
        fields.put("vads_card_number", "497010XXXXXX0000");
        fields.put("vads_card_country", "FR");
        fields.put("vads_bank_code", "17807");
        fields.put("vads_bank_product", "F");
        fields.put("vads_expiry_month", "12");
        fields.put("vads_expiry_year", String.valueOf(LocalDateTime.now(ZoneOffset.UTC).getYear() + 2));
        fields.put("vads_warranty_result", "YES");
        fields.put("vads_threeds_enrolled", "Y");
        fields.put("vads_threeds_status", "Y");
        fields.put("vads_contract_used", "5785350");
        fields.put("vads_url_check_src", "PAY");
        fields.put("signature", signature(fields, key));
        return fields;
    }

    /** HMAC-SHA-256, Base64, of the {@code vads_} values sorted by name joined with {@code +}, then {@code +key}. */
    static String signature(Map<String, String> fields, String key) {
        StringJoiner joined = new StringJoiner("+");
        new TreeMap<>(fields).forEach((name, value) -> {
            if (name.startsWith("vads_")) {
                joined.add(value == null ? "" : value);
            }
        });
        joined.add(key);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(joined.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String formEncoded(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(f -> URLEncoder.encode(f.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(f.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
