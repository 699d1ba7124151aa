package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.invoice.InvoicePayments;
import fr.portailfamille.billing.invoice.Money;
import fr.portailfamille.billing.invoice.PayableInvoice;
import fr.portailfamille.platform.branding.Branding;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A family starts a payment of its own invoices and follows it. Starting reserves the invoices
 * ({@link InvoicePayments#reserve}: locked, so of two tabs paying the same invoice the second gets
 * 409) and opens the payment at the bank, in one transaction: if the bank cannot be reached, nothing
 * stays reserved.
 */
@Service
public class PaymentService {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);

    private final PaymentRepository payments;
    private final InvoicePayments invoices;
    private final PaymentProviders providers;
    private final Branding branding;
    private final Clock clock;

    public PaymentService(PaymentRepository payments, InvoicePayments invoices, PaymentProviders providers,
                          Branding branding, Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.providers = providers;
        this.branding = branding;
        this.clock = clock;
    }

    /** A payment just opened, with the form that sends the browser to the bank. */
    public record OpenedPayment(Payment payment, BankForm form) {
    }

    /** What the payment screens need to know before a payment: which bank, and its limits. */
    public record PaymentSettings(Provider provider, Integer maxInvoicesPerPayment, boolean directDebitAvailable) {
    }

    public PaymentSettings settings() {
        PaymentProvider active = providers.active();
        return new PaymentSettings(active.provider(), active.maxInvoicesPerPayment().orElse(null), false);
    }

    /**
     * Opens a payment of {@code invoiceIds} (invoices of the family's dossier): 404 for an id that is
     * not one of them, 409 with the reason for one that cannot be paid, 409 for more invoices than
     * the bank takes at once (PayFiP: one), 503 when the bank cannot be reached.
     */
    @Transactional
    public OpenedPayment start(PortalPrincipal family, List<UUID> invoiceIds) {
        String dossier = family.dossier()
                .orElseThrow(() -> ApiProblem.forbidden("dossier-requis", "payment.no-dossier"));
        List<UUID> ids = List.copyOf(new LinkedHashSet<>(invoiceIds));
        PaymentProvider provider = providers.active();
        Integer max = provider.maxInvoicesPerPayment().orElse(null);
        if (max != null && ids.size() > max) {
            throw ApiProblem.conflict("une-facture-par-paiement", "payment.one-invoice." + provider.provider().name());
        }
        UUID id = UUID.randomUUID();
        List<PayableInvoice> reserved = invoices.reserve(dossier, ids, id);
        BigDecimal amount = Money.sum(reserved.stream().map(PayableInvoice::total).toList());
        if (amount.signum() <= 0) {
            throw ApiProblem.conflict("montant-nul", "payment.amount.zero");
        }
        String email = reserved.stream().map(PayableInvoice::email).filter(Objects::nonNull).findFirst()
                .orElse(family.email());
        if (email == null || email.isBlank()) {
            // Both banks send their receipt there, and PayFiP refuses a payment without one: a clear 409,
            // never the bank's refusal as a 500 (the reservation above is rolled back with it).
            throw ApiProblem.conflict("adresse-electronique-requise", "payment.email.missing");
        }
        String familyName = reserved.stream().map(PayableInvoice::familyName).filter(Objects::nonNull).findFirst()
                .orElse(family.name());
        String orderId = id.toString().replace("-", "");
        Instant now = clock.instant();
        StartedPayment started;
        try {
            started = provider.start(new PaymentStart(id, orderId, amount, Money.toCents(amount), email,
                    reserved.stream().map(i -> new PaymentStart.Invoice(i.number(), i.period())).toList(),
                    returnUrl(id)));
        } catch (ProviderUnavailableException e) {
            log.warn("Payment {} could not be opened at {}: {}", id, provider.provider(), e.getMessage());
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "service-indisponible", "payment.provider.unavailable");
        }
        Payment payment = new Payment(id, dossier, familyName, email, provider.provider(), amount, orderId, started,
                reserved.stream().map(i -> new PaymentInvoice(i.id(), i.number(), i.period(), i.total())).toList(),
                family.auditName(), now, now.plus(provider.window()));
        payments.saveAndFlush(payment);
        log.info("Payment {} opened at {} ({}) for dossier {}: {} €, {} invoice(s)", id, provider.provider(),
                payment.displayReference(), dossier, amount, reserved.size());
        return new OpenedPayment(payment, started.form());
    }

    /** A payment the caller may see: the family's own, any for staff; 404 otherwise. */
    @Transactional(readOnly = true)
    public Payment get(PortalPrincipal caller, UUID id) {
        return payments.findById(id)
                .filter(payment -> caller.mayReachDossier(payment.getDossierNumber()))
                .orElseThrow(() -> ApiProblem.notFound("paiement-introuvable", "payment.not-found"));
    }

    /** The portal's page of the payment, where the bank sends the browser back. */
    URI returnUrl(UUID paymentId) {
        String portal = branding.portalUrl();
        return URI.create((portal.endsWith("/") ? portal.substring(0, portal.length() - 1) : portal)
                + "/facturation/paiements/" + paymentId);
    }
}
