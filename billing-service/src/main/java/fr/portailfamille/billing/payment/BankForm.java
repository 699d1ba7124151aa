package fr.portailfamille.billing.payment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The form the browser sends to the bank's secure page (auto-submitted): where, how and its hidden
 * fields. Systempay: POST of the signed {@code vads_} fields; PayFiP: GET with {@code idop}.
 *
 * @param method {@code POST} or {@code GET}
 */
public record BankForm(String action, String method, Map<String, String> fields) {

    public BankForm {
        Objects.requireNonNull(action, "action");
        if (!"POST".equals(method) && !"GET".equals(method)) {
            throw new IllegalArgumentException("A bank form is sent by POST or GET: " + method);
        }
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
