package fr.portailfamille.banksimulator.systempay;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

/**
 * The fields the platform sends back at the end of a payment, in the notification (IPN) and in the
 * return to the shop: the form's own fields echoed, the transaction's result, the card (masked). They
 * are signed like the form, with the key of the form's {@code vads_ctx_mode}.
 */
@Component
public class TransactionResults {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SystempayProperties properties;
    private final Clock clock;

    public TransactionResults(SystempayProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The fields of a payment made with a test card, without {@code vads_url_check_src} nor signature. */
    public SortedMap<String, String> paid(PaymentSession session, TestCard card, YearMonth expiry) {
        SortedMap<String, String> fields = common(session, card.accepted() ? TransactionStatus.AUTHORISED : TransactionStatus.REFUSED);
        fields.put("vads_auth_mode", "FULL");
        fields.put("vads_auth_result", card.authResult());
        fields.put("vads_auth_number", card.accepted() ? randomDigits(6) : "");
        fields.put("vads_payment_certificate", card.accepted() ? randomHex(20) : "");
        fields.put("vads_card_brand", "CB");
        fields.put("vads_card_number", card.number().substring(0, 6) + "XXXXXX" + card.number().substring(12));
        fields.put("vads_card_country", "FR");
        fields.put("vads_bank_code", "17807");
        fields.put("vads_bank_product", "F");
        fields.put("vads_expiry_month", Integer.toString(expiry.getMonthValue()));
        fields.put("vads_expiry_year", Integer.toString(expiry.getYear()));
        fields.put("vads_warranty_result", card.warrantyResult());
        fields.put("vads_threeds_enrolled", card.threedsEnrolled());
        fields.put("vads_threeds_status", card.threedsStatus());
        fields.put("vads_contract_used", "5785350");
        return fields;
    }

    /** The fields of a payment the buyer cancelled or left to expire. */
    public SortedMap<String, String> abandoned(PaymentSession session) {
        SortedMap<String, String> fields = common(session, TransactionStatus.ABANDONED);
        fields.put("vads_auth_result", "");
        return fields;
    }

    /** Adds the notification's source and the signature. */
    public SortedMap<String, String> signed(SortedMap<String, String> fields, String urlCheckSrc, String ctxMode) {
        SortedMap<String, String> signed = new TreeMap<>(fields);
        signed.put("vads_url_check_src", urlCheckSrc);
        signed.put("signature", VadsSignature.compute(signed, properties.keyFor(ctxMode), properties.algorithm()));
        return signed;
    }

    private SortedMap<String, String> common(PaymentSession session, TransactionStatus status) {
        PaymentRequest request = session.request();
        String now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC)).format(PaymentFormValidator.TRANS_DATE);
        SortedMap<String, String> fields = new TreeMap<>();
        for (Map.Entry<String, String> field : request.fields().entrySet()) {
            String name = field.getKey();
            if (name.startsWith("vads_cust_") || name.startsWith("vads_order_") || name.startsWith("vads_ext_info_")) {
                fields.put(name, field.getValue());
            }
        }
        fields.put("vads_site_id", request.siteId());
        fields.put("vads_ctx_mode", request.ctxMode());
        fields.put("vads_version", "V2");
        fields.put("vads_action_mode", "INTERACTIVE");
        fields.put("vads_page_action", "PAYMENT");
        fields.put("vads_payment_config", "SINGLE");
        fields.put("vads_trans_id", request.transId());
        fields.put("vads_trans_date", request.fields().get("vads_trans_date"));
        fields.put("vads_trans_uuid", session.transUuid());
        fields.put("vads_trans_status", status.name());
        fields.put("vads_result", status.result());
        fields.put("vads_extra_result", "");
        fields.put("vads_amount", Long.toString(request.amount()));
        fields.put("vads_currency", request.currency());
        fields.put("vads_effective_amount", Long.toString(request.amount()));
        fields.put("vads_effective_currency", request.currency());
        fields.put("vads_effective_creation_date", now);
        fields.put("vads_presentation_date", now);
        fields.put("vads_operation_type", "DEBIT");
        fields.put("vads_capture_delay", "0");
        fields.put("vads_validation_mode", "0");
        fields.put("vads_payment_src", "EC");
        fields.put("vads_sequence_number", "1");
        String language = request.fields().get("vads_language");
        fields.put("vads_language", language == null || language.isBlank() ? "fr" : language);
        fields.put("vads_hash", randomHex(32));
        return fields;
    }

    static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }

    private static String randomDigits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append(RANDOM.nextInt(10));
        }
        return digits.toString();
    }
}
