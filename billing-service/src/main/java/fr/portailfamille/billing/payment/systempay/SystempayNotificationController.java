package fr.portailfamille.billing.payment.systempay;

import fr.portailfamille.billing.payment.BankNotifications;
import fr.portailfamille.billing.payment.BankNotificationRejected;
import fr.portailfamille.billing.payment.NotificationPayload;
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


/**
 * Systempay's notification (IPN) to {@code vads_url_check}, server to server, without token (public
 * under {@code /bank/**}): 200 with a short text once kept (the platform retries otherwise; the
 * settlement follows within milliseconds, ADR 004), 400 when it must not be believed. A field sent twice is refused (the signature covers one value).
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
        String payload = NotificationPayload.encode(form);
        // Checked now (signature, shop, payment, amount): a forged one is refused with 400 and never kept
        // for settlement; a believed one is kept and answered at once, and settled just after (ADR 004).
        // The payment's terms are compared by the statement that keeps it (BankNotifications.receiveNotice).
        String text = notifications.receiveNotice(Provider.SYSTEMPAY, payload, request.getRemoteAddr(),
                () -> systempay.read(SystempayProvider.fields(form))).text();
        // Plain text whatever the caller accepts: a bank's server is never answered 406.
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text);
    }

    @ExceptionHandler(BankNotificationRejected.class)
    ResponseEntity<String> rejected(BankNotificationRejected e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("KO: notification refusée");
    }
}
