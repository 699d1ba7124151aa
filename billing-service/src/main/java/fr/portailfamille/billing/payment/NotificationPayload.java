package fr.portailfamille.billing.payment;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A notification's form fields as kept in {@code bank_notification.payload} ({@code application/x-www-form-urlencoded},
 * in the order received), so that the settling worker reads exactly what the bank sent.
 */
public final class NotificationPayload {

    private NotificationPayload() {
    }

    /** The fields as one form-encoded text; a field sent twice appears twice. */
    public static String encode(Map<String, List<String>> form) {
        return form.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encodeText(e.getKey()) + "=" + encodeText(v)))
                .collect(Collectors.joining("&"));
    }

    /** The fields of a kept payload, each with its values in the order sent. */
    public static Map<String, List<String>> decode(String payload) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        if (payload == null || payload.isEmpty()) {
            return fields;
        }
        for (String pair : payload.split("&")) {
            int equals = pair.indexOf('=');
            String name = decodeText(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decodeText(pair.substring(equals + 1));
            fields.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return fields;
    }

    private static String encodeText(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String decodeText(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }
}
