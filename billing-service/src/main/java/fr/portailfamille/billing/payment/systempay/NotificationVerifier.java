package fr.portailfamille.billing.payment.systempay;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a notification the bank posts to {@code vads_url_check}: the signature first, with the key
 * of the mode the notification says ({@code vads_ctx_mode}) and compared in constant time, then that
 * it is for our shop and that its values are well formed. Only then are its values believed.
 */
public final class NotificationVerifier {

    private static final Pattern TRANS_ID = Pattern.compile("[0-9A-Za-z]{6}");
    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");
    private static final Pattern CURRENCY = Pattern.compile("\\d{3}");
    private static final DateTimeFormatter TRANS_DATE = DateTimeFormatter.ofPattern("uuuuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private final SystempayShop shop;

    public NotificationVerifier(SystempayShop shop) {
        this.shop = shop;
    }

    /** The notification's values, or {@link InvalidNotificationException} if it must not be believed. */
    public SystempayNotification verify(Map<String, String> parameters) {
        String signature = parameters.get("signature");
        if (signature == null || signature.isEmpty()) {
            throw new InvalidNotificationException("Notification without signature");
        }
        SystempayMode mode = SystempayMode.parse(parameters.get("vads_ctx_mode"))
                .orElseThrow(() -> new InvalidNotificationException("Notification with an unknown vads_ctx_mode"));
        String key = shop.keyFor(mode)
                .orElseThrow(() -> new InvalidNotificationException("Notification in mode " + mode + ", which has no key"));
        if (!VadsSignature.matches(parameters, key, shop.algorithm(), signature)) {
            throw new InvalidNotificationException("Notification with a wrong signature (mode " + mode + ")");
        }
        String siteId = parameters.get("vads_site_id");
        if (!shop.siteId().equals(siteId)) {
            throw new InvalidNotificationException("Notification for another shop: " + siteId);
        }
        String transId = required(parameters, "vads_trans_id", TRANS_ID);
        Instant transDate = transDate(required(parameters, "vads_trans_date", Pattern.compile("\\d{14}")));
        long amount = Long.parseLong(required(parameters, "vads_amount", DIGITS));
        String currency = required(parameters, "vads_currency", CURRENCY);
        String status = required(parameters, "vads_trans_status", Pattern.compile("[A-Z_]{1,64}"));
        return new SystempayNotification(siteId, mode, transId, transDate, amount, currency,
                optional(parameters, "vads_order_id"), status, PaymentOutcome.ofTransStatus(status),
                optional(parameters, "vads_trans_uuid"), optional(parameters, "vads_operation_type"));
    }

    private static String required(Map<String, String> parameters, String name, Pattern format) {
        String value = parameters.get(name);
        if (value == null || !format.matcher(value).matches()) {
            throw new InvalidNotificationException("Notification with a missing or malformed " + name);
        }
        return value;
    }

    private static String optional(Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    private static Instant transDate(String value) {
        try {
            return LocalDateTime.parse(value, TRANS_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidNotificationException("Notification with a malformed vads_trans_date");
        }
    }
}
