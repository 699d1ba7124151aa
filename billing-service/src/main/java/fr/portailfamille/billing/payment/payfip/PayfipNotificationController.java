package fr.portailfamille.billing.payment.payfip;

import fr.portailfamille.billing.payment.BankNotificationRejected;
import fr.portailfamille.billing.payment.BankNotifications;
import fr.portailfamille.billing.payment.PaymentSettlement;
import fr.portailfamille.billing.payment.Provider;
import fr.portailfamille.billing.payment.ProviderUnavailableException;
import fr.portailfamille.platform.branding.Branding;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * PayFiP's side of billing-service, without token (public under {@code /bank/**}): its notification
 * ({@code idOp} only, form-encoded, not signed: kept and answered 200 once the {@code idOp} is found
 * ours, then the result is fetched by SOAP by the settling worker, ADR 004), and the payer's
 * return, which PayFiP posts to {@code urlredirect}: it is sent on (303) to the portal's page of the
 * payment, which only shows the state (the gateway's pages take no cross-site POST).
 */
@RestController
public class PayfipNotificationController {

    private final PayfipProvider payfip;
    private final BankNotifications notifications;
    private final PaymentSettlement settlement;
    private final Branding branding;

    public PayfipNotificationController(PayfipProvider payfip, BankNotifications notifications,
                                        PaymentSettlement settlement, Branding branding) {
        this.payfip = payfip;
        this.notifications = notifications;
        this.settlement = settlement;
        this.branding = branding;
    }

    @Operation(summary = "PayFiP's notification: idOp only; the result is asked to PayFiP")
    @PostMapping(path = "/bank/payfip/notifications")
    public ResponseEntity<String> notification(@RequestParam(name = "idOp", required = false) String idOp,
                               @RequestParam(name = "idop", required = false) String lowerIdop,
                               HttpServletRequest request) {
        String id = idOp != null ? idOp : lowerIdop;
        String payload = "idOp=" + (id == null ? "" : URLEncoder.encode(id, StandardCharsets.UTF_8));
        // Only the idOp is checked now (well formed, one of ours); PayFiP is asked its result by the
        // settling worker just after the answer (ADR 004, « Acknowledge, then settle »).
        String text = notifications.receive(Provider.PAYFIP, payload, request.getRemoteAddr(), () -> {
            payfip.checkIdOp(id);
            return settlement.paymentOf(Provider.PAYFIP, id)
                    .orElseThrow(() -> new BankNotificationRejected("idOp inconnu " + id));
        }).text();
        // Plain text whatever the caller accepts: a bank's server is never answered 406.
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(text);
    }

    @Operation(summary = "The payer back from PayFiP: sent on to the portal's page of the payment")
    @RequestMapping(path = "/bank/payfip/returns/{paymentId}", method = {RequestMethod.GET, RequestMethod.POST})
    public ResponseEntity<Void> back(@PathVariable String paymentId) {
        String portal = branding.portalUrl().endsWith("/")
                ? branding.portalUrl().substring(0, branding.portalUrl().length() - 1) : branding.portalUrl();
        String target = PayfipProvider.paymentId(paymentId)
                .map(id -> portal + "/facturation/paiements/" + id)
                .orElse(portal + "/facturation");
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(target)).build();
    }

    @ExceptionHandler(BankNotificationRejected.class)
    ResponseEntity<String> rejected(BankNotificationRejected e) {
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body("KO: notification refusée");
    }

    @ExceptionHandler(ProviderUnavailableException.class)
    ResponseEntity<String> unavailable(ProviderUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_PLAIN)
                .body("KO: résultat non disponible, il sera demandé plus tard");
    }
}
