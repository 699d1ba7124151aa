package fr.portailfamille.banksimulator.systempay;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Service;

/**
 * The payment sessions: opened by an accepted form, closed once by the buyer (pay, cancel) or by the
 * clock (the page expires after {@code session-timeout}, like the platform's 10 minutes, and the payment
 * is abandoned). Closing builds the result, notifies the shop, and says where the browser goes. Kept in
 * memory: a restart forgets every session.
 */
@Service
public class PaymentService implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PaymentService.class);
    private static final Duration KEEP_CLOSED = Duration.ofDays(1);

    private final Map<String, PaymentSession> sessions = new ConcurrentHashMap<>();
    private final TransactionIdRegistry transactionIds;
    private final TransactionResults results;
    private final NotificationSender notifications;
    private final SystempayProperties properties;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;

    public PaymentService(TransactionIdRegistry transactionIds, TransactionResults results, NotificationSender notifications,
                          SystempayProperties properties, ScheduledExecutorService scheduler, Clock clock) {
        this.transactionIds = transactionIds;
        this.results = results;
        this.notifications = notifications;
        this.properties = properties;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        long period = Math.max(100, Math.min(1000, properties.sessionTimeout().toMillis() / 4));
        scheduler.scheduleWithFixedDelay(this::expireSessions, period, period, TimeUnit.MILLISECONDS);
    }

    /** Opens the payment page of an accepted form, unless its transaction id was already used that day. */
    public Optional<PaymentSession> open(PaymentRequest request) {
        if (!transactionIds.claim(request.siteId(), request.transDate().toLocalDate(), request.transId())) {
            return Optional.empty();
        }
        PaymentSession session = new PaymentSession(UUID.randomUUID().toString(), request, clock.instant(),
                UUID.randomUUID().toString().replace("-", ""));
        sessions.put(session.id(), session);
        log.info("Payment page opened for transaction {} of shop {} ({}, order {}, {} cents)",
                request.transId(), request.siteId(), request.ctxMode(), request.orderId(), request.amount());
        return Optional.of(session);
    }

    public Optional<PaymentSession> find(String id) {
        return Optional.ofNullable(sessions.get(id));
    }

    /** Pays with a test card; a session already closed gives back its first outcome. */
    public ShopReturn pay(PaymentSession session, TestCard card, YearMonth expiry) {
        return close(session, () -> results.paid(session, card, expiry));
    }

    /** « Annuler et retourner à la boutique »: the payment is abandoned. */
    public ShopReturn cancel(PaymentSession session) {
        return close(session, () -> results.abandoned(session));
    }

    private ShopReturn close(PaymentSession session, java.util.function.Supplier<SortedMap<String, String>> outcome) {
        SortedMap<String, String> fields;
        ShopReturn shopReturn;
        synchronized (session) {
            Optional<ShopReturn> done = session.shopReturn();
            if (done.isPresent()) {
                return done.get();
            }
            fields = outcome.get();
            shopReturn = shopReturn(session.request(), fields);
            session.close(shopReturn, clock.instant());
        }
        log.info("Transaction {} of shop {} is {}", session.request().transId(), session.request().siteId(),
                shopReturn.status());
        notifyShop(session, fields);
        return shopReturn;
    }

    private void notifyShop(PaymentSession session, SortedMap<String, String> fields) {
        URI url = session.request().urlCheck() != null ? session.request().urlCheck() : properties.notification().url();
        if (url == null) {
            log.warn("Transaction {}: no vads_url_check in the form and no notification URL configured, the shop is not notified",
                    session.request().transId());
            return;
        }
        notifications.send(session, url, fields);
    }

    private ShopReturn shopReturn(PaymentRequest request, SortedMap<String, String> fields) {
        TransactionStatus status = TransactionStatus.valueOf(fields.get("vads_trans_status"));
        String specific = switch (status) {
            case AUTHORISED -> "vads_url_success";
            case REFUSED -> "vads_url_refused";
            case ABANDONED -> "vads_url_cancel";
        };
        URI url = request.urls().getOrDefault(specific, request.urls().getOrDefault("vads_url_return", properties.returnUrl()));
        SortedMap<String, String> returned = new TreeMap<>(fields);
        returned.remove("vads_hash");
        return new ShopReturn(status, url, request.returnMode(), results.signed(returned, "PAY", request.ctxMode()));
    }

    void expireSessions() {
        try {
            Instant now = clock.instant();
            Instant openedBefore = now.minus(properties.sessionTimeout());
            for (PaymentSession session : sessions.values()) {
                if (session.isOpen() && session.createdAt().isBefore(openedBefore)) {
                    log.info("Payment page of transaction {} expired after {}", session.request().transId(),
                            properties.sessionTimeout());
                    cancel(session);
                }
                session.closedAt().filter(closed -> closed.isBefore(now.minus(KEEP_CLOSED)))
                        .ifPresent(closed -> sessions.remove(session.id()));
            }
        } catch (RuntimeException e) {
            log.error("Expiring payment sessions failed", e);
        }
    }
}
