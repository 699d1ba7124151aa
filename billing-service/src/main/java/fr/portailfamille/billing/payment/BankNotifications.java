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
 * Receives a bank notification: acknowledge, then settle (ADR 004, « Acknowledge, then settle »).
 * The adapter checks at once that it may be believed (Systempay: signature, shop, payment, amount,
 * currency, mode; PayFiP: an {@code idOp} of ours), then the notification is kept as received in
 * {@code bank_notification} (result {@code RECEIVED}, one insert, committed before answering) and the
 * bank is answered 200; {@link BankNotificationWorker} settles it a few milliseconds later and writes
 * what was done. A notification that must not be believed changes nothing, is not queued, is kept as
 * REJECTED for audit, and is logged at WARN on the {@code security} logger (never with a key: the
 * reasons come from the checks, which never hold one).
 */
@Service
public class BankNotifications {

    /** Where refused notifications are told: the security events of the service. */
    static final Logger SECURITY = LoggerFactory.getLogger("security");
    private static final Logger log = LoggerFactory.getLogger(BankNotifications.class);
    static final int PAYLOAD_MAX = 20_000;
    /** What the bank is answered once its notification is kept. */
    public static final String RECEIVED_TEXT = "OK: reçue";

    private final JdbcClient jdbc;
    private final BankNotificationWorker worker;
    private final Clock clock;

    public BankNotifications(JdbcClient jdbc, BankNotificationWorker worker, Clock clock) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.clock = clock;
    }

    /** What the bank is answered: a short text, after a 200. */
    public record Receipt(long notificationId, UUID paymentId, String text) {
    }

    /**
     * @param payload       the notification as received (form fields), kept for audit and for the worker
     * @param remoteAddress who sent it
     * @param check         the adapter's check before acknowledging: the payment it is about, or
     *                      {@link BankNotificationRejected}; reads only, changes nothing
     * @throws BankNotificationRejected to answer 400: nothing queued, nothing changed
     */
    public Receipt receive(Provider provider, String payload, String remoteAddress, Supplier<UUID> check) {
        UUID paymentId;
        try {
            paymentId = check.get();
        } catch (BankNotificationRejected e) {
            reject(provider, payload, remoteAddress, e.getMessage());
            throw e;
        }
        // Kept before answering: if this insert fails the bank gets 500 and sends it again.
        long id = jdbc.sql("""
                        insert into bank_notification (provider, received_at, remote_address, payload, payment_id,
                                                       result, attempts, next_attempt_at)
                        values (:provider, :receivedAt, :remote, :payload, :paymentId, 'RECEIVED', 0, :receivedAt)
                        returning id""")
                .param("provider", provider.name())
                .param("receivedAt", Timestamp.from(clock.instant()))
                .param("remote", truncate(remoteAddress, 64))
                .param("payload", truncate(payload == null ? "" : payload, PAYLOAD_MAX))
                .param("paymentId", paymentId)
                .query(Long.class).single();
        worker.nudge();
        return new Receipt(id, paymentId, RECEIVED_TEXT);
    }

    private void reject(Provider provider, String payload, String remoteAddress, String reason) {
        SECURITY.warn("Notification bancaire refusée ({}, depuis {}) : {}", provider, remoteAddress, reason);
        try {
            jdbc.sql("""
                            insert into bank_notification (provider, received_at, remote_address, payload, result,
                                                           detail, settled_at)
                            values (:provider, :receivedAt, :remote, :payload, 'REJECTED', :detail, :receivedAt)""")
                    .param("provider", provider.name())
                    .param("receivedAt", Timestamp.from(clock.instant()))
                    .param("remote", truncate(remoteAddress, 64))
                    .param("payload", truncate(payload == null ? "" : payload, PAYLOAD_MAX))
                    .param("detail", truncate(reason, 500))
                    .update();
        } catch (RuntimeException e) {
            // The audit row of a refused notification never changes the bank's answer.
            log.error("Could not keep the refused {} notification", provider, e);
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
