package fr.portailfamille.billing.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Payments left in progress past their provider's window (no notification came): PayFiP is asked
 * ({@code recupererDetailPaiementSecurise}) and its answer applied; Systempay cannot be asked, so
 * the payment is given up ({@link BankOutcome#EXPIRED}: abandoned, invoices payable again,
 * PaymentFailed). Each payment is applied under its row lock, so a notification arriving at the same
 * moment, or another instance running the same job, changes it once.
 */
@Component
public class PaymentExpiry {

    private static final Logger log = LoggerFactory.getLogger(PaymentExpiry.class);
    private static final int BATCH = 50;

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

    /** Checks the payments past their window now; how many ended. */
    public int run() {
        List<Payment> expired = payments.findExpired(clock.instant(), PageRequest.of(0, BATCH));
        int ended = 0;
        for (Payment payment : expired) {
            Optional<PaymentProvider> provider = providers.of(payment.getProvider());
            if (provider.isEmpty()) {
                log.warn("Payment {} of {} is past its window but {} is not configured any more: left in progress",
                        payment.getId(), payment.getProvider(), payment.getProvider());
                continue;
            }
            try {
                Optional<BankNotice> answer = provider.get().checkExpired(new PaymentProvider.PaymentReference(
                        payment.getId(), payment.getShopId(), payment.getProviderMode(), payment.getReference(),
                        payment.getReferenceDate(), fr.portailfamille.billing.invoice.Money.toCents(payment.getAmount()),
                        payment.getExpiresAt()));
                if (answer.isEmpty()) {
                    continue;
                }
                PaymentSettlement.Applied applied = settlement.apply(payment.getId(), answer.get());
                if (applied.transition() != PaymentStatus.Transition.NONE) {
                    ended++;
                }
            } catch (RuntimeException e) {
                log.warn("Expiry check of payment {} failed, next run will try again: {}", payment.getId(),
                        e.toString());
            }
        }
        return ended;
    }
}
