package fr.portailfamille.billing.payment.systempay;

import fr.portailfamille.billing.payment.BankNotifications;
import fr.portailfamille.billing.payment.BankNotificationRejected;
import fr.portailfamille.billing.payment.Provider;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Systempay's notification (IPN) to {@code vads_url_check}, server to server, without token (public
 * under {@code /bank/**}): 200 with a short text when taken (the platform retries otherwise), 400
 * when it must not be believed. A field sent twice is refused (the signature covers one value).
 */
@RestController
public class SystempayNotificationController {

    private final SystempayProvider systempay;
    private final BankNotifications notifications;

    public SystempayNotificationController(SystempayProvider systempay, BankNotifications notifications) {
        this.systempay = systempay;
        this.notifications = notifications;
    }

    @Operation(summary = "Systempay's notification of a payment's result (server to server, signed)")
    @PostMapping(path = "/bank/systempay/notifications", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    public ResponseEntity<String> notification(@RequestParam MultiValueMap<String, String> form, HttpServletRequest request) {
        String payload = form.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                .collect(Collectors.joining("&"));
        String text = notifications.receive(Provider.SYSTEMPAY, payload, request.getRemoteAddr(), () -> {
            Map<String, String> fields = new LinkedHashMap<>();
            form.forEach((name, values) -> {
                if (values.size() != 1) {
                    throw new BankNotificationRejected("champ " + name + " envoyé " + values.size() + " fois");
                }
                fields.put(name, values.get(0));
            });
            return systempay.read(fields);
        }).text();
        // Plain text whatever the caller accepts: a bank's server is never answered 406.
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text);
    }

    @ExceptionHandler(BankNotificationRejected.class)
    ResponseEntity<String> rejected(BankNotificationRejected e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("KO: notification refusée");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
