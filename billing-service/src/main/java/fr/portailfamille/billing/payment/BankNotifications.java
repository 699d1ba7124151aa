package fr.portailfamille.billing.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Receives a bank notification: reads it through its adapter, applies it, and keeps it as received in
 * {@code bank_notification} with what was done (audit; a replay is visible there). A notification
 * that must not be believed changes nothing, is kept as REJECTED, and is logged at WARN on the
 * {@code security} logger (never with a key: the reasons come from the checks, which never hold one).
 */
@Service
public class BankNotifications {

    /** Where refused notifications are told: the security events of the service. */
    static final Logger SECURITY = LoggerFactory.getLogger("security");
    private static final Logger log = LoggerFactory.getLogger(BankNotifications.class);
    private static final int PAYLOAD_MAX = 20_000;

    private final PaymentSettlement settlement;
    private final JdbcClient jdbc;
    private final Clock clock;

    public BankNotifications(PaymentSettlement settlement, JdbcClient jdbc, Clock clock) {
        this.settlement = settlement;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** What the bank is answered: a short text, after a 200. */
    public record Receipt(UUID paymentId, PaymentStatus status, String text) {
    }

    /**
     * @param payload       the notification as received (form fields), kept for audit
     * @param remoteAddress who sent it
     * @param reader        the adapter's check: a believed {@link BankNotice}, or {@link BankNotificationRejected}
     * @throws BankNotificationRejected to answer 400: nothing changed
     * @throws ProviderUnavailableException when the bank could not be asked (PayFiP): nothing changed, try later
     */
    public Receipt receive(Provider provider, String payload, String remoteAddress, Supplier<BankNotice> reader) {
        BankNotice notice;
        PaymentSettlement.Applied applied;
        try {
            notice = reader.get();
            applied = settlement.apply(notice);
        } catch (BankNotificationRejected e) {
            record(provider, payload, remoteAddress, null, "REJECTED", e.getMessage());
            SECURITY.warn("Notification bancaire refusée ({}, depuis {}) : {}", provider, remoteAddress, e.getMessage());
            throw e;
        } catch (ProviderUnavailableException e) {
            record(provider, payload, remoteAddress, null, "UNAVAILABLE", e.getMessage());
            log.warn("Bank notification from {} not applied, the bank could not be asked: {}", provider, e.getMessage());
            throw e;
        }
        String result = switch (applied.transition()) {
            case NONE -> notice.outcome() == BankOutcome.PENDING ? "PENDING" : "UNCHANGED";
            default -> "APPLIED";
        };
        record(provider, payload, remoteAddress, applied.paymentId(), result,
                notice.outcome() + " (" + notice.bankStatus() + ") → " + applied.status());
        return new Receipt(applied.paymentId(), applied.status(), switch (result) {
            case "APPLIED" -> "OK: " + applied.status();
            case "PENDING" -> "OK: en attente";
            default -> "OK: déjà traité (" + applied.status() + ")";
        });
    }

    private void record(Provider provider, String payload, String remoteAddress, UUID paymentId, String result,
                        String detail) {
        try {
            jdbc.sql("""
                            insert into bank_notification (provider, received_at, remote_address, payload, payment_id,
                                                           result, detail)
                            values (:provider, :receivedAt, :remote, :payload, :paymentId, :result, :detail)""")
                    .param("provider", provider.name())
                    .param("receivedAt", Timestamp.from(clock.instant()))
                    .param("remote", truncate(remoteAddress, 64))
                    .param("payload", truncate(payload == null ? "" : payload, PAYLOAD_MAX))
                    .param("paymentId", paymentId)
                    .param("result", result)
                    .param("detail", truncate(detail, 500))
                    .update();
        } catch (RuntimeException e) {
            // The audit row must never make the bank believe the notification failed.
            log.error("Could not keep the {} notification ({})", provider, result, e);
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
