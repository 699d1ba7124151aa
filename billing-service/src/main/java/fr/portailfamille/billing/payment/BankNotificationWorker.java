package fr.portailfamille.billing.payment;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Settles the bank notifications kept as {@code RECEIVED} by {@link BankNotifications} (ADR 004,
 * « Acknowledge, then settle »), with the settlement the notification always had
 * ({@link PaymentProvider#readNotification} then {@link PaymentSettlement#apply(BankNotice)}).
 *
 * <p>Each notification is taken in its own short transaction: its row is locked with
 * {@code select … for update skip locked} (another thread or another replica takes the next one),
 * it is read again and applied under the payment's row lock, and its result is written in the same
 * transaction, so a notification is settled once even if posted many times or taken by several
 * replicas (a replay finds the payment final: {@code UNCHANGED}). The notifications of one payment
 * are taken in the order they came: one waits while an earlier one of its payment is not settled.
 *
 * <p>When? Once the notifications stop coming: {@link #nudge()} (a notification was just kept) starts the
 * settlement when none has been kept for {@code portal.billing.notifications.quiet-period} (50 ms), and at
 * the latest {@code portal.billing.notifications.max-delay} (1 s) after the first one waiting, in a small pool
 * ({@code portal.billing.notifications.workers} threads; a run takes every notification due, so more runs
 * would add nothing). During a burst the cores answer the bank first (the acknowledgment is what the bank
 * waits for; settling costs several times more CPU than keeping), and settle just after it. And every
 * {@code portal.billing.notifications.poll-interval} for retries and for what another replica left, unless
 * a run is already on its way.
 *
 * <p>A notification that cannot be settled (PayFiP unreachable, the database failing) is tried again
 * after a delay that doubles from {@code first-retry-delay} up to {@code max-retry-delay}; after
 * {@code max-attempts} attempts it is left {@code FAILED} with the reason (logged at ERROR), never
 * deleted: an agent sees it, and the payment's expiry check still ends the payment. One the settlement
 * refuses to believe is {@code REJECTED} at once (security log), as at the door.
 */
@Component
public class BankNotificationWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(BankNotificationWorker.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final PaymentSettlement settlement;
    private final PaymentProviders providers;
    private final Clock clock;
    private final int maxAttempts;
    private final Duration firstRetryDelay;
    private final Duration maxRetryDelay;
    private final List<String> configured;
    private final ThreadPoolExecutor pool;
    private final int workers;
    private final long quietNanos;
    private final long maxDelayNanos;
    private final ScheduledExecutorService timer;
    /** When the last notification was kept ({@link System#nanoTime()}). */
    private final AtomicLong lastNudge = new AtomicLong();
    /** When the first notification not yet handed to the pool was kept; meaningful while {@link #waiting}. */
    private final AtomicLong firstWaiting = new AtomicLong();
    /** Whether a run is promised (the timer will hand one to the pool). */
    private final AtomicBoolean waiting = new AtomicBoolean();

    public BankNotificationWorker(JdbcClient jdbc, PlatformTransactionManager transactionManager,
                                  PaymentSettlement settlement, PaymentProviders providers, Clock clock,
                                  @Value("${portal.billing.notifications.workers:2}") int workers,
                                  @Value("${portal.billing.notifications.max-attempts:8}") int maxAttempts,
                                  @Value("${portal.billing.notifications.first-retry-delay:30s}") Duration firstRetryDelay,
                                  @Value("${portal.billing.notifications.max-retry-delay:30m}") Duration maxRetryDelay,
                                  @Value("${portal.billing.notifications.quiet-period:50ms}") Duration quietPeriod,
                                  @Value("${portal.billing.notifications.max-delay:1s}") Duration maxDelay) {
        if (workers < 1 || maxAttempts < 1 || firstRetryDelay.isNegative() || maxRetryDelay.compareTo(firstRetryDelay) < 0
                || quietPeriod.isNegative() || maxDelay.compareTo(quietPeriod) < 0) {
            throw new IllegalStateException("portal.billing.notifications: workers and max-attempts at least 1, "
                    + "max-retry-delay not below first-retry-delay, max-delay not below quiet-period");
        }
        this.workers = workers;
        this.quietNanos = quietPeriod.toNanos();
        this.maxDelayNanos = maxDelay.toNanos();
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settlement = settlement;
        this.providers = providers;
        this.clock = clock;
        this.maxAttempts = maxAttempts;
        this.firstRetryDelay = firstRetryDelay;
        this.maxRetryDelay = maxRetryDelay;
        this.configured = Arrays.stream(Provider.values()).filter(p -> providers.of(p).isPresent())
                .map(Provider::name).toList();
        AtomicInteger threads = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(workers, workers, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(workers), runnable -> {
                    Thread thread = new Thread(runnable, "bank-notification-" + threads.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                }, new ThreadPoolExecutor.DiscardPolicy());
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "bank-notification-timer");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A notification was just kept (committed): settle it in the background once the notifications stop
     * coming (quiet-period), at the latest max-delay after the first one waiting.
     */
    public void nudge() {
        long now = System.nanoTime();
        lastNudge.set(now);
        if (waiting.compareAndSet(false, true)) {
            firstWaiting.set(now);
            schedule(quietNanos);
        }
    }

    private void schedule(long delayNanos) {
        try {
            timer.schedule(this::startWhenQuiet, delayNanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // Shutting down: the next start's poll settles what is left.
            waiting.set(false);
        }
    }

    /** On the timer: hands the runs to the pool if no notification came during the quiet period, else waits on. */
    private void startWhenQuiet() {
        long now = System.nanoTime();
        long sinceLast = now - lastNudge.get();
        if (sinceLast < quietNanos && now - firstWaiting.get() < maxDelayNanos) {
            schedule(Math.min(quietNanos - sinceLast, maxDelayNanos - (now - firstWaiting.get())));
            return;
        }
        // Cleared before the runs start: a notification kept from now on promises a run of its own.
        waiting.set(false);
        for (int i = 0; i < workers && !pool.isShutdown(); i++) {
            pool.execute(this::runQuietly);
        }
    }

    @Scheduled(fixedDelayString = "${portal.billing.notifications.poll-interval:5s}", initialDelayString = "5s")
    public void scheduled() {
        if (waiting.get()) {
            // Notifications are coming in: a run is already promised for when they stop.
            return;
        }
        runQuietly();
    }

    private void runQuietly() {
        try {
            settleDue(clock.instant());
        } catch (RuntimeException e) {
            log.error("Settling bank notifications failed; the next run will try again", e);
        }
    }

    /** Settles, one by one, every notification due at {@code now} that no one else holds; how many were taken. */
    public int settleDue(Instant now) {
        int taken = 0;
        while (settleNext(now)) {
            taken++;
        }
        return taken;
    }

    private record Claimed(long id, Provider provider, String payload, int attempts) {
    }

    /** Takes and settles the next due notification; false when none is due. */
    private boolean settleNext(Instant now) {
        Claimed[] claimed = new Claimed[1];
        try {
            return Boolean.TRUE.equals(transactions.execute(status -> {
                Optional<Claimed> next = claim(now);
                if (next.isEmpty()) {
                    return false;
                }
                claimed[0] = next.get();
                settle(claimed[0]);
                return true;
            }));
        } catch (BankNotificationRejected e) {
            if (claimed[0] == null) {
                throw e;
            }
            BankNotifications.SECURITY.warn("Notification bancaire refusée au règlement ({}, n° {}) : {}",
                    claimed[0].provider(), claimed[0].id(), e.getMessage());
            end(claimed[0], "REJECTED", e.getMessage());
            return true;
        } catch (RuntimeException e) {
            if (claimed[0] == null) {
                throw e;
            }
            retryLater(claimed[0], e, now);
            return true;
        }
    }

    private Optional<Claimed> claim(Instant now) {
        if (configured.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select n.id, n.provider, n.payload, n.attempts from bank_notification n
                        where n.result = 'RECEIVED' and n.next_attempt_at <= :now and n.provider in (:providers)
                          and not exists (select 1 from bank_notification e
                                          where e.result = 'RECEIVED' and e.payment_id = n.payment_id and e.id < n.id)
                        order by n.next_attempt_at, n.id
                        limit 1
                        for update of n skip locked""")
                .param("now", Timestamp.from(now))
                .param("providers", configured)
                .query((rs, row) -> new Claimed(rs.getLong("id"), Provider.valueOf(rs.getString("provider")),
                        rs.getString("payload"), rs.getInt("attempts")))
                .optional();
    }

    /** Inside the claim's transaction: reads the notification again, applies it, writes what was done. */
    private void settle(Claimed notification) {
        PaymentProvider provider = providers.of(notification.provider()).orElseThrow(
                () -> new IllegalStateException(notification.provider() + " is not configured"));
        BankNotice notice = provider.readNotification(notification.payload());
        PaymentSettlement.Applied applied = settlement.apply(notice);
        String result = switch (applied.transition()) {
            case NONE -> notice.outcome() == BankOutcome.PENDING ? "PENDING" : "UNCHANGED";
            default -> "APPLIED";
        };
        jdbc.sql("""
                        update bank_notification set result = :result, detail = :detail, payment_id = :paymentId,
                               attempts = attempts + 1, next_attempt_at = null, settled_at = :at
                        where id = :id""")
                .param("result", result)
                .param("detail", BankNotifications.truncate(notice.outcome() + " (" + notice.bankStatus() + ") → "
                        + applied.status(), 500))
                .param("paymentId", applied.paymentId())
                .param("at", Timestamp.from(clock.instant()))
                .param("id", notification.id())
                .update();
    }

    /** A final answer without settlement (REJECTED), in its own transaction. */
    private void end(Claimed notification, String result, String detail) {
        jdbc.sql("""
                        update bank_notification set result = :result, detail = :detail, attempts = attempts + 1,
                               next_attempt_at = null, settled_at = :at
                        where id = :id and result = 'RECEIVED' and attempts = :attempts""")
                .param("result", result)
                .param("detail", BankNotifications.truncate(detail, 500))
                .param("at", Timestamp.from(clock.instant()))
                .param("id", notification.id())
                .param("attempts", notification.attempts())
                .update();
    }

    private void retryLater(Claimed notification, RuntimeException e, Instant now) {
        int attempts = notification.attempts() + 1;
        String reason = BankNotifications.truncate("tentative " + attempts + "/" + maxAttempts + " : "
                + e.getClass().getSimpleName() + " : " + e.getMessage(), 500);
        if (attempts >= maxAttempts) {
            end(notification, "FAILED", reason);
            log.error("Bank notification {} ({}) could not be settled after {} attempts: left FAILED for an agent",
                    notification.id(), notification.provider(), attempts, e);
            return;
        }
        Duration delay = retryDelay(attempts);
        jdbc.sql("""
                        update bank_notification set attempts = :attempts, next_attempt_at = :next, detail = :detail
                        where id = :id and result = 'RECEIVED' and attempts = :before""")
                .param("attempts", attempts)
                .param("next", Timestamp.from(now.plus(delay)))
                .param("detail", reason)
                .param("id", notification.id())
                .param("before", notification.attempts())
                .update();
        log.warn("Bank notification {} ({}) not settled (attempt {}/{}), next attempt in {}: {}", notification.id(),
                notification.provider(), attempts, maxAttempts, delay, e.getMessage());
    }

    /** After the n-th failed attempt: first-retry-delay × 2^(n-1), at most max-retry-delay. */
    Duration retryDelay(int failedAttempts) {
        Duration delay = firstRetryDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        pool.shutdownNow();
    }
}
