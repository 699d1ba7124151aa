package fr.portailfamille.banksimulator.systempay;

import java.net.URI;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;

/**
 * The platform's pages: the shop's form arrives at {@code /vads-payment/} (the real platform's path),
 * the buyer is sent to the session's payment page, pays or cancels, and is sent back to the shop.
 */
@Controller
public class PaymentController {

    private final PaymentFormValidator validator;
    private final PaymentService payments;
    private final SystempayProperties properties;
    private final Clock clock;

    public PaymentController(PaymentFormValidator validator, PaymentService payments, SystempayProperties properties,
                             Clock clock) {
        this.validator = validator;
        this.payments = payments;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping({"/vads-payment", "/vads-payment/"})
    public ModelAndView receiveForm(@RequestParam MultiValueMap<String, String> form) {
        PaymentFormValidator.Outcome outcome = validator.validate(form);
        if (outcome instanceof PaymentFormValidator.Refused refused) {
            return formError(refused.error());
        }
        PaymentRequest request = ((PaymentFormValidator.Accepted) outcome).request();
        Optional<PaymentSession> session = payments.open(request);
        if (session.isEmpty()) {
            return formError(new FormError("03", "vads_trans_id", "L'identifiant de transaction (vads_trans_id) "
                    + request.transId() + " a déjà été utilisé aujourd'hui (jour UTC) par cette boutique, "
                    + "sans tenir compte des majuscules : chaque paiement demande un nouvel identifiant."));
        }
        return redirect("/vads-payment/session/" + session.get().id(), true);
    }

    @GetMapping({"/vads-payment", "/vads-payment/"})
    public ModelAndView noForm() {
        return formError(new FormError(null, "formulaire", "Aucun formulaire de paiement n'a été reçu : la boutique "
                + "doit envoyer son formulaire signé en POST à cette adresse."));
    }

    @GetMapping("/vads-payment/session/{id}")
    public ModelAndView paymentPage(@PathVariable String id) {
        return payments.find(id)
                .map(session -> session.isOpen() ? paymentView(session, "", "", Map.of(), HttpStatus.OK) : closedView(session))
                .orElseGet(PaymentController::unknownSession);
    }

    @PostMapping("/vads-payment/session/{id}/pay")
    public ModelAndView pay(@PathVariable String id,
                            @RequestParam(required = false) String cardNumber,
                            @RequestParam(required = false) String expiry,
                            @RequestParam(required = false) String cvv) {
        Optional<PaymentSession> found = payments.find(id);
        if (found.isEmpty()) {
            return unknownSession();
        }
        PaymentSession session = found.get();
        if (!session.isOpen()) {
            return closedView(session);
        }
        CardForm.Checked checked = new CardForm(cardNumber, expiry, cvv).check(clock);
        if (!checked.valid()) {
            return paymentView(session, cardNumber, expiry, checked.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return backToShop(payments.pay(session, checked.card(), checked.expiry()));
    }

    @PostMapping("/vads-payment/session/{id}/cancel")
    public ModelAndView cancel(@PathVariable String id) {
        return payments.find(id)
                .map(session -> session.isOpen() ? backToShop(payments.cancel(session)) : closedView(session))
                .orElseGet(PaymentController::unknownSession);
    }

    private ModelAndView paymentView(PaymentSession session, String cardNumber, String expiry, Map<String, String> errors,
                                     HttpStatus status) {
        PaymentRequest request = session.request();
        ModelAndView view = new ModelAndView("payment", status);
        view.addObject("sessionId", session.id());
        view.addObject("shopName", request.shopName() != null ? request.shopName() : properties.shopName());
        view.addObject("amount", Amounts.euros(request.amount()));
        view.addObject("orderId", request.orderId());
        view.addObject("transId", request.transId());
        view.addObject("production", "PRODUCTION".equals(request.ctxMode()));
        view.addObject("cards", Arrays.asList(TestCard.values()));
        view.addObject("cardNumber", cardNumber == null ? "" : cardNumber);
        view.addObject("expiry", expiry == null ? "" : expiry);
        view.addObject("errors", errors);
        return view;
    }

    private ModelAndView backToShop(ShopReturn shopReturn) {
        if (shopReturn.url() == null) {
            ModelAndView view = new ModelAndView("result", HttpStatus.OK);
            view.addObject("status", shopReturn.status().name());
            return view;
        }
        return switch (shopReturn.mode()) {
            case "NONE" -> redirect(shopReturn.url().toString(), false);
            case "POST" -> {
                ModelAndView view = new ModelAndView("return-post", HttpStatus.OK);
                view.addObject("url", shopReturn.url().toString());
                view.addObject("fields", shopReturn.fields());
                view.addObject("status", shopReturn.status().name());
                yield view;
            }
            default -> redirect(withQuery(shopReturn.url(), shopReturn.fields()), false);
        };
    }

    private ModelAndView closedView(PaymentSession session) {
        ModelAndView view = new ModelAndView("session-closed", HttpStatus.GONE);
        ShopReturn shopReturn = session.shopReturn().orElseThrow();
        view.addObject("status", shopReturn.status().name());
        view.addObject("returnUrl", shopReturn.url() == null ? null : shopReturn.url().toString());
        return view;
    }

    private static ModelAndView unknownSession() {
        return new ModelAndView("session-unknown", HttpStatus.NOT_FOUND);
    }

    private static ModelAndView formError(FormError error) {
        ModelAndView view = new ModelAndView("form-error", HttpStatus.BAD_REQUEST);
        view.addObject("error", error);
        return view;
    }

    private static ModelAndView redirect(String url, boolean contextRelative) {
        RedirectView redirect = new RedirectView(url, contextRelative);
        redirect.setStatusCode(HttpStatus.SEE_OTHER);
        redirect.setExpandUriTemplateVariables(false);
        redirect.setExposeModelAttributes(false);
        redirect.setPropagateQueryParams(false);
        return new ModelAndView(redirect);
    }

    static String withQuery(URI url, Map<String, String> fields) {
        String text = url.toString();
        String fragment = "";
        int hash = text.indexOf('#');
        if (hash >= 0) {
            fragment = text.substring(hash);
            text = text.substring(0, hash);
        }
        String separator = url.getRawQuery() == null ? "?" : (text.endsWith("&") || text.endsWith("?") ? "" : "&");
        return text + separator + NotificationSender.formEncoded(fields) + fragment;
    }
}
