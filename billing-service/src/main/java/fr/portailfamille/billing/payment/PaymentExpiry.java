package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.invoice.Money;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Payments left in progress past their provider's window (no notification came): PayFiP is asked
 * ({@code recupererDetailPaiementSecurise}) and its answer applied; Systempay cannot be asked, so
 * the payment is given up ({@link BankOutcome#EXPIRED}: abandoned, invoices payable again,
 * PaymentFailed). Each payment is applied under its row lock, so a notification arriving at the same
 * moment, or another instance running the same job, changes it once.
 *
 * <p>A run takes the {@value #BATCH} payments due the longest. One it could not end (the bank could
 * not answer, its answer was « not decided » or refused, its provider is no longer configured) is
 * due again only {@link #RETRY_AFTER} later ({@code next_check_at}), behind the others: with PayFiP
 * down and more than {@value #BATCH} of its payments waiting, each run takes the next ones instead of
 * asking the same {@value #BATCH} forever, and a payment that needs no bank call (Systempay) is given
 * up within a few runs. A fixed delay rather than a growing back-off: PayFiP's outages are short,
 * and the queue, not the delay, is what guarantees progress.
 */
@Component
public class PaymentExpiry {

    private static final Logger log = LoggerFactory.getLogger(PaymentExpiry.class);
    private static final int BATCH = 50;
    static final Duration RETRY_AFTER = Duration.ofMinutes(5);

    private final PaymentRepository payments;
    private final PaymentProviders providers;
    private final PaymentSettlement settlement;
    private final Clock clock;

    public PaymentExpiry(PaymentRepository payments, PaymentProviders providers, PaymentSettlement settlement,
                         Clock clock) {
        this.payments = payments;
        this.providers = providers;
        this.settlement = settlement;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${portal.billing.payment.expiry-check-interval:1m}", initialDelayString = "30s")
    public void scheduled() {
        try {
            run();
        } catch (RuntimeException e) {
            log.error("Expiry check of payments failed; next run will try again", e);
        }
    }

    /** Checks the payments due now; how many ended. */
    public int run() {
        Instant now = clock.instant();
        List<Payment> due = payments.findExpired(now, PageRequest.of(0, BATCH));
        int ended = 0;
        for (Payment payment : due) {
            Optional<PaymentSettlement.Applied> applied = check(payment);
            if (applied.isEmpty() || applied.get().status() == PaymentStatus.IN_PROGRESS) {
                payments.postponeCheck(payment.getId(), now.plus(RETRY_AFTER));
            } else if (applied.get().transition() != PaymentStatus.Transition.NONE) {
                ended++;
            }
        }
        return ended;
    }

    /** What the bank's answer did to the payment; empty when there was no answer to apply. */
    private Optional<PaymentSettlement.Applied> check(Payment payment) {
        Optional<PaymentProvider> provider = providers.of(payment.getProvider());
        if (provider.isEmpty()) {
            log.warn("Payment {} of {} is past its window but {} is not configured any more: left in progress",
                    payment.getId(), payment.getProvider(), payment.getProvider());
            return Optional.empty();
        }
        try {
            Optional<BankNotice> answer = provider.get().checkExpired(new PaymentProvider.PaymentReference(
                    payment.getId(), payment.getShopId(), payment.getProviderMode(), payment.getReference(),
                    payment.getReferenceDate(), Money.toCents(payment.getAmount()), payment.getExpiresAt()));
            return answer.map(notice -> settlement.apply(payment.getId(), notice));
        } catch (RuntimeException e) {
            log.warn("Expiry check of payment {} failed, it will be asked again in {}: {}", payment.getId(),
                    RETRY_AFTER, e.toString());
            return Optional.empty();
        }
    }
}
