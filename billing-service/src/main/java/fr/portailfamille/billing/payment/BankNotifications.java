package fr.portailfamille.billing.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
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
    private final PaymentSettlement settlement;
    private final Clock clock;

    public BankNotifications(JdbcClient jdbc, BankNotificationWorker worker, PaymentSettlement settlement,
                             Clock clock) {
        this.jdbc = jdbc;
        this.worker = worker;
        this.settlement = settlement;
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

    /**
     * A notification that names its payment and states its terms (Systempay): {@code read} authenticates it
     * and reads it (signature, shop, well-formed values; reads nothing in the database), then one statement
     * keeps it as {@code RECEIVED} only if the payment it names exists and, when it is decided, has its
     * amount and mode (the currency is the euro): exactly what {@link PaymentSettlement#check} accepts,
     * without a transaction, an entity or a second round trip before the bank is answered. When that
     * statement keeps nothing, the notification takes the long way ({@link #receive(Provider, String,
     * String, Supplier)} with {@link PaymentSettlement#check}), which says why it is refused (nothing kept
     * for settlement, the refusal audited and logged) or keeps it if the payment appeared meanwhile.
     *
     * @throws BankNotificationRejected to answer 400: nothing queued, nothing changed
     */
    public Receipt receiveNotice(Provider provider, String payload, String remoteAddress, Supplier<BankNotice> read) {
        BankNotice notice;
        try {
            notice = read.get();
        } catch (BankNotificationRejected e) {
            reject(provider, payload, remoteAddress, e.getMessage());
            throw e;
        }
        Optional<Receipt> kept = keepIfItMatches(provider, payload, remoteAddress, notice);
        if (kept.isPresent()) {
            worker.nudge();
            return kept.get();
        }
        return receive(provider, payload, remoteAddress, () -> settlement.check(notice));
    }

    /**
     * Keeps the notification in one statement if {@link PaymentSettlement#check} would accept it: the payment
     * of that provider, shop, reference (case ignored) and date, and for a decided outcome its amount in
     * cents, the euro and its mode. Empty when it keeps nothing (or cannot decide alone: no date, no mode).
     */
    private Optional<Receipt> keepIfItMatches(Provider provider, String payload, String remoteAddress,
                                              BankNotice notice) {
        boolean decided = notice.outcome() != BankOutcome.PENDING;
        if (notice.provider() != provider || notice.shopId() == null || notice.referenceDate() == null
                || decided && (notice.mode() == null || !BankNotice.EURO.equals(notice.currency()))) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        insert into bank_notification (provider, received_at, remote_address, payload, payment_id,
                                                       result, attempts, next_attempt_at)
                        select :provider, :receivedAt, :remote, :payload, p.id, 'RECEIVED', 0, :receivedAt
                        from payment p
                        where p.provider = :provider and p.shop_id = :shopId
                          and upper(p.reference) = upper(:reference) and p.reference_date = :referenceDate
                          and (not :decided or (p.amount * 100 = :cents and p.provider_mode = :mode))
                        returning id, payment_id""")
                .param("provider", provider.name())
                .param("receivedAt", Timestamp.from(clock.instant()))
                .param("remote", truncate(remoteAddress, 64))
                .param("payload", truncate(payload == null ? "" : payload, PAYLOAD_MAX))
                .param("shopId", notice.shopId())
                .param("reference", notice.reference())
                .param("referenceDate", Timestamp.from(notice.referenceDate()))
                .param("decided", decided)
                .param("cents", notice.amountInCents())
                .param("mode", notice.mode() == null ? "" : notice.mode())
                .query((rs, row) -> new Receipt(rs.getLong("id"), rs.getObject("payment_id", UUID.class),
                        RECEIVED_TEXT))
                .optional();
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
