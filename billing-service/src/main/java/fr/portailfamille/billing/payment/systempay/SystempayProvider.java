package fr.portailfamille.billing.payment.systempay;

import fr.portailfamille.billing.payment.BankForm;
import fr.portailfamille.billing.payment.BankNotice;
import fr.portailfamille.billing.payment.BankNotificationRejected;
import fr.portailfamille.billing.payment.BankOutcome;
import fr.portailfamille.billing.payment.NotificationPayload;
import fr.portailfamille.billing.payment.PaymentProvider;
import fr.portailfamille.billing.payment.PaymentStart;
import fr.portailfamille.billing.payment.Provider;
import fr.portailfamille.billing.payment.StartedPayment;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The Systempay / PayZen / Lyra adapter: a payment is a signed form the browser posts to the
 * platform (nothing remote at start); the result comes only by the signed notification to
 * {@code vads_url_check}; a payment without notification cannot be asked about, so past its window
 * it is given up.
 */
public class SystempayProvider implements PaymentProvider {

    private final SystempayShop shop;
    private final Duration window;
    private final TransactionIdGenerator transactionIds;
    private final NotificationVerifier verifier;
    private final URI checkUrl;

    /** @param shop null when the authority has no Systempay shop */
    public SystempayProvider(SystempayShop shop, Duration window, TransactionIdGenerator transactionIds, URI checkUrl) {
        this.shop = shop;
        this.window = window;
        this.transactionIds = transactionIds;
        this.verifier = shop == null ? null : new NotificationVerifier(shop);
        this.checkUrl = checkUrl;
    }

    @Override
    public Provider provider() {
        return Provider.SYSTEMPAY;
    }

    @Override
    public boolean configured() {
        return shop != null;
    }

    @Override
    public Optional<Integer> maxInvoicesPerPayment() {
        return Optional.empty();
    }

    @Override
    public Duration window() {
        return window;
    }

    @Override
    public StartedPayment start(PaymentStart start) {
        TransactionIdGenerator.TransactionReference transaction = transactionIds.next(shop.siteId());
        SystempayForm form = SystempayForms.build(shop, new PaymentFormRequest(transaction.transId(),
                transaction.transDate(), start.amountInCents(), start.orderId(), start.email(),
                PaymentFormRequest.ReturnUrls.only(start.returnUrl()), checkUrl));
        return new StartedPayment(shop.siteId(), shop.mode().name(), transaction.transId(), transaction.transDate(),
                new BankForm(form.action().toString(), "POST", form.fields()));
    }

    @Override
    public Optional<BankNotice> checkExpired(PaymentReference payment) {
        return Optional.of(new BankNotice(Provider.SYSTEMPAY, payment.shopId(), payment.reference(),
                payment.referenceDate(), payment.mode(), payment.amountInCents(), BankNotice.EURO, BankOutcome.EXPIRED,
                "EXPIRED", null, null));
    }

    /**
     * A notification posted to {@code vads_url_check}, checked (signature with the key of its mode in
     * constant time, our shop, well-formed values) and read. A refund ({@code vads_operation_type=CREDIT})
     * changes no payment: it is read as not decided.
     *
     * @throws BankNotificationRejected when it must not be believed
     */
    public BankNotice read(Map<String, String> parameters) {
        if (shop == null) {
            throw new BankNotificationRejected("Systempay n’est pas configuré");
        }
        SystempayNotification notification;
        try {
            notification = verifier.verify(parameters);
        } catch (InvalidNotificationException e) {
            throw new BankNotificationRejected(reason(e.getMessage()));
        }
        BankOutcome outcome = notification.isRefund() ? BankOutcome.PENDING : switch (notification.outcome()) {
            case PAID -> BankOutcome.PAID;
            case REFUSED -> BankOutcome.REFUSED;
            case ABANDONED -> BankOutcome.ABANDONED;
            case PENDING -> BankOutcome.PENDING;
        };
        return new BankNotice(Provider.SYSTEMPAY, notification.siteId(), notification.transId(),
                notification.transDate(), notification.mode().name(), notification.amountInCents(),
                notification.currency(), outcome, notification.transStatus(), notification.transUuid(), null);
    }

    /** A kept notification read again by the settling worker: its fields, then {@link #read(Map)}. */
    @Override
    public BankNotice readNotification(String payload) {
        return read(fields(NotificationPayload.decode(payload)));
    }

    /**
     * The fields of a posted notification, one value each: a field sent twice is refused (the
     * signature covers one value).
     */
    public static Map<String, String> fields(Map<String, java.util.List<String>> form) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (values.size() != 1) {
                throw new BankNotificationRejected("champ " + name + " envoyé " + values.size() + " fois");
            }
            fields.put(name, values.get(0));
        });
        return fields;
    }

    /** The verifier's reason (English, for developers) said in French for the security log. */
    static String reason(String message) {
        String m = message == null ? "" : message;
        if (m.contains("without signature")) {
            return "signature absente";
        }
        if (m.contains("wrong signature")) {
            return "signature invalide";
        }
        if (m.contains("vads_ctx_mode") || m.contains("has no key")) {
            return "mode inconnu ou sans clé";
        }
        if (m.contains("another shop")) {
            return "notification pour une autre boutique";
        }
        return "valeur absente ou mal formée (" + m + ")";
    }
}
