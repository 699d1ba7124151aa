package fr.portailfamille.banksimulator.payfip;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import fr.portailfamille.banksimulator.systempay.Amounts;
import fr.portailfamille.banksimulator.systempay.CardForm;
import fr.portailfamille.banksimulator.systempay.TestCard;

/**
 * PayFiP's payment page, opened at its real path {@code /tpa/paiementws.web?idop=…}: the same test cards
 * as the Systempay page decide (accepted → {@code resultrans=P}, refused → R), « Annuler » gives up
 * (A). Then PayFiP notifies {@code urlnotif} and posts {@code idop} to {@code urlredirect}.
 */
@Controller
public class PayfipPageController {

    private final PayfipService payfip;
    private final Clock clock;

    public PayfipPageController(PayfipService payfip, Clock clock) {
        this.payfip = payfip;
        this.clock = clock;
    }

    @GetMapping("/tpa/paiementws.web")
    public ModelAndView page(@RequestParam(name = "idop", required = false) String idop) {
        Optional<PayfipOperation> operation = payfip.find(idop);
        if (operation.isEmpty()) {
            return new ModelAndView("payfip-closed", Map.of("reason", "unknown"), HttpStatus.NOT_FOUND);
        }
        return payable(operation.get())
                .orElseGet(() -> pageView(operation.get(), "", "", Map.of(), HttpStatus.OK));
    }

    @PostMapping("/tpa/paiementws.web/payer")
    public ModelAndView pay(@RequestParam(name = "idop", required = false) String idop,
                            @RequestParam(required = false) String cardNumber,
                            @RequestParam(required = false) String expiry,
                            @RequestParam(required = false) String cvv) {
        Optional<PayfipOperation> found = payfip.find(idop);
        if (found.isEmpty()) {
            return new ModelAndView("payfip-closed", Map.of("reason", "unknown"), HttpStatus.NOT_FOUND);
        }
        PayfipOperation operation = found.get();
        Optional<ModelAndView> closed = payable(operation);
        if (closed.isPresent()) {
            return closed.get();
        }
        CardForm.Checked checked = new CardForm(cardNumber, expiry, cvv).check(clock);
        if (!checked.valid()) {
            return pageView(operation, cardNumber, expiry, checked.errors(), HttpStatus.UNPROCESSABLE_CONTENT);
        }
        return finish(operation, checked.card().accepted() ? PayfipOperation.Result.P : PayfipOperation.Result.R);
    }

    @PostMapping("/tpa/paiementws.web/abandonner")
    public ModelAndView cancel(@RequestParam(name = "idop", required = false) String idop) {
        Optional<PayfipOperation> found = payfip.find(idop);
        if (found.isEmpty()) {
            return new ModelAndView("payfip-closed", Map.of("reason", "unknown"), HttpStatus.NOT_FOUND);
        }
        return payable(found.get()).orElseGet(() -> finish(found.get(), PayfipOperation.Result.A));
    }

    /** Empty while the operation can be paid; otherwise the page that says why not. */
    private Optional<ModelAndView> payable(PayfipOperation operation) {
        if (operation.result().isPresent()) {
            return Optional.of(new ModelAndView("payfip-closed", Map.of("reason", "done"), HttpStatus.GONE));
        }
        if (!payfip.payable(operation)) {
            return Optional.of(new ModelAndView("payfip-closed", Map.of("reason", "expired"), HttpStatus.GONE));
        }
        return Optional.empty();
    }

    private ModelAndView finish(PayfipOperation operation, PayfipOperation.Result result) {
        if (!payfip.decide(operation, result)) {
            return new ModelAndView("payfip-closed", Map.of("reason", "done"), HttpStatus.GONE);
        }
        ModelAndView view = new ModelAndView("payfip-return", HttpStatus.OK);
        view.addObject("url", operation.urlredirect().toString());
        view.addObject("idop", operation.idOp());
        view.addObject("result", result.name());
        return view;
    }

    private static ModelAndView pageView(PayfipOperation operation, String cardNumber, String expiry,
                                         Map<String, String> errors, HttpStatus status) {
        ModelAndView view = new ModelAndView("payfip-page", status);
        view.addObject("idop", operation.idOp());
        view.addObject("objet", operation.objet());
        view.addObject("refdet", operation.refdet());
        view.addObject("amount", Amounts.euros(operation.montant()));
        view.addObject("cards", Arrays.asList(TestCard.values()));
        view.addObject("cardNumber", cardNumber == null ? "" : cardNumber);
        view.addObject("expiry", expiry == null ? "" : expiry);
        view.addObject("errors", errors);
        return view;
    }
}
