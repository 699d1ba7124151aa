package fr.portailfamille.banksimulator.systempay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One buyer on the payment page: the accepted form, then the outcome once the buyer pays, cancels or
 * lets the session expire. The outcome is decided once; a second click gets the same answer.
 */
public final class PaymentSession {

    private final String id;
    private final PaymentRequest request;
    private final Instant createdAt;
    private final String transUuid;
    private ShopReturn shopReturn;
    private Instant closedAt;
    private final List<NotificationAttempt> attempts = new ArrayList<>();

    PaymentSession(String id, PaymentRequest request, Instant createdAt, String transUuid) {
        this.id = id;
        this.request = request;
        this.createdAt = createdAt;
        this.transUuid = transUuid;
    }

    public String id() {
        return id;
    }

    public PaymentRequest request() {
        return request;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String transUuid() {
        return transUuid;
    }

    public synchronized boolean isOpen() {
        return shopReturn == null;
    }

    public synchronized Optional<ShopReturn> shopReturn() {
        return Optional.ofNullable(shopReturn);
    }

    synchronized Optional<Instant> closedAt() {
        return Optional.ofNullable(closedAt);
    }

    synchronized void close(ShopReturn outcome, Instant at) {
        if (shopReturn != null) {
            throw new IllegalStateException("Session " + id + " is already closed");
        }
        shopReturn = outcome;
        closedAt = at;
    }

    synchronized void recordAttempt(NotificationAttempt attempt) {
        attempts.add(attempt);
    }

    public synchronized List<NotificationAttempt> attempts() {
        return List.copyOf(attempts);
    }
}
