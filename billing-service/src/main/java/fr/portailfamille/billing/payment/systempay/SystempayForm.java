package fr.portailfamille.billing.payment.systempay;

import java.net.URI;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The signed form the browser posts to the bank (auto-submitted): its {@code action} and its hidden
 * fields, the {@code vads_} ones sorted by name and {@code signature} last.
 */
public record SystempayForm(URI action, Map<String, String> fields) {

    public SystempayForm {
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String signature() {
        return fields.get("signature");
    }
}
