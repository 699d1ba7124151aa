package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.invoice.InvoicePayments;
import fr.portailfamille.billing.invoice.Money;
import fr.portailfamille.billing.invoice.PayableInvoice;
import fr.portailfamille.events.billing.PaidInvoice;
import fr.portailfamille.events.billing.PaymentFailed;
import fr.portailfamille.events.billing.PaymentSucceeded;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies what the bank said to a payment: the only way a payment ends and its invoices are paid.
 * The payment's row is locked ({@code select … for update}) for the whole transaction, so the same
 * notification received 100 times, even at once, ends it once: the first applies
 * {@link PaymentStatus#on}, the others find it final and change nothing. Invoices are settled or
 * released through {@link InvoicePayments}, and the event is written to the outbox in the same
 * transaction.
 */
@Service
public class PaymentSettlement {

    private static final Logger log = LoggerFactory.getLogger(PaymentSettlement.class);

    private final PaymentRepository payments;
    private final InvoicePayments invoices;
    private final OutboxPublisher outbox;
    private final Clock clock;

    public PaymentSettlement(PaymentRepository payments, InvoicePayments invoices, OutboxPublisher outbox,
                             Clock clock) {
        this.payments = payments;
        this.invoices = invoices;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What a bank answer did to its payment. */
    public record Applied(UUID paymentId, PaymentStatus status, PaymentStatus.Transition transition) {
    }

    /** Whether a payment of {@code provider} is known by that reference (before asking the bank about it). */
    @Transactional(readOnly = true)
    public boolean isKnown(Provider provider, String reference) {
        return payments.existsByProviderAndReference(provider, reference);
    }

    /** The payment of {@code provider} known by that reference (PayFiP's {@code idOp}), if one. */
    @Transactional(readOnly = true)
    public Optional<UUID> paymentOf(Provider provider, String reference) {
        return payments.idsByReference(provider, reference).stream().findFirst();
    }

    /**
     * The check of a notification before it is acknowledged (ADR 004, « Acknowledge, then settle »):
     * the payment it names exists and its amount, currency and mode are the payment's, exactly as
     * {@link #apply(BankNotice)} will check them again under the payment's lock. Reads only: no lock,
     * nothing changed.
     *
     * @return the payment it is about
     * @throws BankNotificationRejected when it must not be believed
     */
    @Transactional(readOnly = true)
    public UUID check(BankNotice notice) {
        PaymentTerms payment = (notice.referenceDate() == null
                ? payments.termsUndated(notice.provider(), notice.shopId(), notice.reference())
                : payments.termsDated(notice.provider(), notice.shopId(), notice.reference(), notice.referenceDate()))
                .orElseThrow(() -> unknown(notice));
        if (notice.outcome() != BankOutcome.PENDING) {
            compare(payment.id(), payment.amount(), payment.providerMode(), notice);
        }
        return payment.id();
    }

    private static BankNotificationRejected unknown(BankNotice notice) {
        return new BankNotificationRejected("transaction inconnue (" + notice.provider() + " "
                + notice.shopId() + " " + notice.reference() + ")");
    }

    /**
     * A notification checked by its adapter: finds the payment it names and compares it (amount in
     * cents, currency, mode) before applying it.
     *
     * @throws BankNotificationRejected when no payment matches, nothing changed
     */
    @Transactional
    public Applied apply(BankNotice notice) {
        Payment payment = (notice.referenceDate() == null
                ? payments.lockUndated(notice.provider(), notice.shopId(), notice.reference())
                : payments.lockDated(notice.provider(), notice.shopId(), notice.reference(), notice.referenceDate()))
                .orElseThrow(() -> unknown(notice));
        return applyTo(payment, notice);
    }

    /** An answer about the payment {@code paymentId} (its expiry check). */
    @Transactional
    public Applied apply(UUID paymentId, BankNotice notice) {
        Payment payment = payments.lockById(paymentId)
                .orElseThrow(() -> new IllegalArgumentException("No payment " + paymentId));
        if (!payment.getReference().equalsIgnoreCase(notice.reference())) {
            throw new BankNotificationRejected("réponse pour une autre transaction que " + payment.getReference());
        }
        return applyTo(payment, notice);
    }

    private Applied applyTo(Payment payment, BankNotice notice) {
        if (notice.outcome() == BankOutcome.PENDING) {
            log.info("Bank answer for payment {}: not decided yet ({})", payment.getId(), notice.bankStatus());
            return new Applied(payment.getId(), payment.getStatus(), PaymentStatus.Transition.NONE);
        }
        compare(payment.getId(), payment.getAmount(), payment.getProviderMode(), notice);
        PaymentStatus.Transition transition = payment.getStatus().on(notice.outcome());
        Instant now = clock.instant();
        switch (transition) {
            case SETTLE -> settle(payment, notice, now);
            case FAIL -> fail(payment, notice, now);
            case SETTLE_LATE -> settleLate(payment, notice, now);
            case NONE -> log.info("Bank answer {} for payment {} ({}): nothing to change", notice.outcome(),
                    payment.getId(), payment.getStatus());
        }
        return new Applied(payment.getId(), payment.getStatus(), transition);
    }

    /** Amount in cents, currency and mode of a decided answer must be the payment's. */
    private static void compare(UUID paymentId, java.math.BigDecimal amount, String mode, BankNotice notice) {
        long expected = Money.toCents(amount);
        if (notice.amountInCents() != expected) {
            throw new BankNotificationRejected("montant " + notice.amountInCents() + " centimes au lieu de "
                    + expected + " (paiement " + paymentId + ")");
        }
        if (!BankNotice.EURO.equals(notice.currency())) {
            throw new BankNotificationRejected("devise " + notice.currency() + " au lieu de " + BankNotice.EURO);
        }
        if (!Objects.equals(notice.mode(), mode)) {
            throw new BankNotificationRejected("mode " + notice.mode() + " au lieu de " + mode);
        }
    }

    private void settle(Payment payment, BankNotice notice, Instant now) {
        Instant paidAt = notice.decidedAt() != null ? notice.decidedAt() : now;
        List<PayableInvoice> settled = invoices.settle(payment.getId(), paidAt, method(payment.getProvider()),
                payment.displayReference());
        payment.conclude(PaymentStatus.PAID, BankOutcome.PAID, notice, now);
        if (settled.size() != payment.getInvoices().size()) {
            String text = "Payé à la banque, mais " + (payment.getInvoices().size() - settled.size())
                    + " facture(s) n’étaient plus réservées par ce paiement : à régulariser";
            payment.flagPaidTooLate(notice, text);
            log.error("Payment {} paid at the bank but {} of its {} invoices could not be settled: to check",
                    payment.getId(), payment.getInvoices().size() - settled.size(), payment.getInvoices().size());
        }
        outbox.publish(new PaymentSucceeded(payment.getDossierNumber(), payment.getId().toString(),
                payment.getProvider().name(), payment.displayReference(), payment.getAmount(), paidAt,
                paid(payment), familyName(payment, settled), email(payment, settled)));
        log.info("Payment {} paid ({} {})", payment.getId(), payment.getProvider(), payment.displayReference());
    }

    private void fail(Payment payment, BankNotice notice, Instant now) {
        List<PayableInvoice> released = invoices.release(payment.getId());
        PaymentStatus next = PaymentStatus.of(notice.outcome());
        payment.conclude(next, notice.outcome(), notice, now);
        outbox.publish(new PaymentFailed(payment.getDossierNumber(), payment.getId().toString(),
                payment.getProvider().name(), notice.outcome().name(), failureLabel(notice.outcome()),
                payment.getAmount(), paid(payment), familyName(payment, released), email(payment, released)));
        log.info("Payment {} ended {} ({} invoices payable again)", payment.getId(), notice.outcome(), released.size());
    }

    /**
     * The bank took the money after the payment was given up. Its invoices are settled if they are
     * still « À payer » with this payment as their last one; otherwise (paid since by another
     * payment) a régisseur must refund: the payment keeps its status and says so in the journal.
     */
    private void settleLate(Payment payment, BankNotice notice, Instant now) {
        Instant paidAt = notice.decidedAt() != null ? notice.decidedAt() : now;
        List<PayableInvoice> settled = invoices.settle(payment.getId(), paidAt, method(payment.getProvider()),
                payment.displayReference());
        if (settled.isEmpty()) {
            payment.flagPaidTooLate(notice, "Payé à la banque après abandon, factures déjà réglées ou en paiement "
                    + "ailleurs : à rembourser");
            log.error("Payment {} ({} {}) paid at the bank after it was given up; its invoices are no longer "
                    + "payable by it: a régisseur must refund", payment.getId(), payment.getProvider(),
                    payment.displayReference());
            return;
        }
        log.warn("Payment {} paid at the bank after it was given up: {} invoice(s) settled late", payment.getId(),
                settled.size());
        settle(payment, notice, now);
    }

    private static String method(Provider provider) {
        return provider == Provider.PAYFIP ? "PayFiP (paiement en ligne)" : "Carte bancaire en ligne";
    }

    static String failureLabel(BankOutcome outcome) {
        return switch (outcome) {
            case REFUSED -> "Paiement refusé";
            case EXPIRED -> "Paiement non abouti";
            default -> "Paiement abandonné";
        };
    }

    private static List<PaidInvoice> paid(Payment payment) {
        return payment.getInvoices().stream().map(i -> new PaidInvoice(i.getInvoiceId().toString(), i.getNumber(),
                i.getPeriod(), i.getTotal())).toList();
    }

    private static String familyName(Payment payment, List<PayableInvoice> invoices) {
        return payment.getFamilyName() != null ? payment.getFamilyName()
                : invoices.stream().map(PayableInvoice::familyName).filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String email(Payment payment, List<PayableInvoice> invoices) {
        return payment.getEmail() != null ? payment.getEmail()
                : invoices.stream().map(PayableInvoice::email).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
