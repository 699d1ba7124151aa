package fr.portailfamille.billing.payment.payfip;

import fr.portailfamille.billing.payment.BankForm;
import fr.portailfamille.billing.payment.BankNotice;
import fr.portailfamille.billing.payment.BankNotificationRejected;
import fr.portailfamille.billing.payment.BankOutcome;
import fr.portailfamille.billing.payment.NotificationPayload;
import fr.portailfamille.billing.payment.PaymentProvider;
import fr.portailfamille.billing.payment.PaymentStart;
import fr.portailfamille.billing.payment.Provider;
import fr.portailfamille.billing.payment.ProviderUnavailableException;
import fr.portailfamille.billing.payment.StartedPayment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The PayFiP adapter: {@code creerPaiementSecurise} gives an {@code idOp}; the browser goes to
 * {@code <url>/tpa/paiementws.web?idop=…}; PayFiP's notification carries only the {@code idOp} and
 * is not signed, so the result is always fetched with {@code recupererDetailPaiementSecurise} (P/V
 * paid, R/Z refused, A abandoned). One invoice per transaction, PayFiP's rule.
 */
public class PayfipProvider implements PaymentProvider {

    private static final Logger log = LoggerFactory.getLogger(PayfipProvider.class);
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Pattern ID_OP = Pattern.compile("[0-9A-Za-z-]{1,64}");

    private final PayfipProperties properties;
    private final PayfipClient client;
    private final String publicUrl;
    private final Clock clock;

    /** @param client null when the authority does not use PayFiP */
    public PayfipProvider(PayfipProperties properties, PayfipClient client, String publicUrl, Clock clock) {
        this.properties = properties;
        this.client = client;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    @Override
    public Provider provider() {
        return Provider.PAYFIP;
    }

    @Override
    public boolean configured() {
        return client != null;
    }

    @Override
    public Optional<Integer> maxInvoicesPerPayment() {
        return Optional.of(1);
    }

    @Override
    public Duration window() {
        return properties.idopLifetime().plus(properties.expiryMargin());
    }

    @Override
    public StartedPayment start(PaymentStart start) {
        if (start.invoices().size() != 1) {
            throw new IllegalArgumentException("PayFiP takes one invoice per payment");
        }
        PaymentStart.Invoice invoice = start.invoices().get(0);
        String numcli = properties.numcli().trim();
        String idOp;
        try {
            idOp = client.create(new PayfipRequest(numcli, Integer.toString(Year.now(clock.withZone(PARIS)).getValue()),
                    refdet(invoice.number()), objet("Facture " + invoice.number() + " " + invoice.period()),
                    start.amountInCents(), start.email(), URI.create(publicUrl + "/bank/payfip/notifications"),
                    URI.create(publicUrl + "/bank/payfip/returns/" + start.paymentId()), properties.saisie()));
        } catch (PayfipFaultException e) {
            throw new ProviderUnavailableException("PayFiP refused creerPaiementSecurise: " + e.getMessage(), e);
        }
        return new StartedPayment(numcli, properties.saisie(), idOp, null,
                new BankForm(properties.pageUrl(), "GET", Map.of("idop", idOp)));
    }

    /**
     * Past the window PayFiP is asked: its result if it has one; when it has none (P5: the
     * {@code idOp} expired unused) or no longer knows the {@code idOp} (P1), the payment is given up;
     * when it cannot answer, later.
     */
    @Override
    public Optional<BankNotice> checkExpired(PaymentReference payment) {
        try {
            return Optional.of(notice(client.detail(payment.reference()), payment.reference()));
        } catch (PayfipFaultException e) {
            if (e.resultNotKnown() || e.unknownIdOp()) {
                return Optional.of(new BankNotice(Provider.PAYFIP, payment.shopId(), payment.reference(), null,
                        payment.mode(), payment.amountInCents(), BankNotice.EURO, BankOutcome.EXPIRED, e.code(), null,
                        null));
            }
            log.warn("PayFiP could not tell the result of idOp {}: {}", payment.reference(), e.getMessage());
            return Optional.empty();
        } catch (ProviderUnavailableException e) {
            log.warn("PayFiP could not be asked about idOp {}: {}", payment.reference(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * The check of PayFiP's notification before it is acknowledged: PayFiP is configured and the
     * {@code idOp} well formed (whether it is one of ours is the caller's business). PayFiP is not
     * asked here: the settling worker asks it ({@link #readNotification}).
     *
     * @throws BankNotificationRejected when it must not be kept
     */
    public void checkIdOp(String idOp) {
        if (client == null) {
            throw new BankNotificationRejected("PayFiP n’est pas configuré");
        }
        if (idOp == null || !ID_OP.matcher(idOp).matches()) {
            throw new BankNotificationRejected("idOp absent ou mal formé");
        }
    }

    /** The {@code idOp} of a kept notification ({@code idOp=…}, or {@code idop=…} as PayFiP's page spells it). */
    public static String idOp(Map<String, java.util.List<String>> form) {
        java.util.List<String> values = form.containsKey("idOp") ? form.get("idOp") : form.get("idop");
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * A kept notification read by the settling worker: its {@code idOp} was found ours when it came,
     * so PayFiP is asked its result now (the payment is looked up again, under lock, when applied).
     */
    @Override
    public BankNotice readNotification(String payload) {
        return read(idOp(NotificationPayload.decode(payload)), reference -> true);
    }

    /**
     * PayFiP's notification: only an {@code idOp}, not signed, so nothing in it is believed but the
     * {@code idOp} of one of our payments; its result is asked to PayFiP.
     *
     * @param isKnown whether one of our payments has that {@code idOp} (PayFiP is not asked about others)
     */
    public BankNotice read(String idOp, java.util.function.Predicate<String> isKnown) {
        if (client == null) {
            throw new BankNotificationRejected("PayFiP n’est pas configuré");
        }
        if (idOp == null || !ID_OP.matcher(idOp).matches()) {
            throw new BankNotificationRejected("idOp absent ou mal formé");
        }
        if (!isKnown.test(idOp)) {
            throw new BankNotificationRejected("idOp inconnu " + idOp);
        }
        try {
            return notice(client.detail(idOp), idOp);
        } catch (PayfipFaultException e) {
            if (e.resultNotKnown()) {
                return new BankNotice(Provider.PAYFIP, properties.numcli().trim(), idOp, null, properties.saisie(), -1,
                        BankNotice.EURO, BankOutcome.PENDING, "P5", null, null);
            }
            if (e.unknownIdOp()) {
                throw new BankNotificationRejected("PayFiP ne connaît pas l’idOp " + idOp);
            }
            throw new ProviderUnavailableException("PayFiP detail of " + idOp + ": " + e.getMessage(), e);
        }
    }

    private BankNotice notice(PayfipDetail detail, String idOp) {
        if (detail.idOp() != null && !detail.idOp().equals(idOp)) {
            throw new BankNotificationRejected("PayFiP a répondu pour un autre idOp");
        }
        String numcli = detail.numcli() == null ? properties.numcli().trim() : detail.numcli();
        String saisie = detail.saisie() == null ? properties.saisie() : detail.saisie();
        return new BankNotice(Provider.PAYFIP, numcli, idOp, null, saisie, detail.montant(), BankNotice.EURO,
                detail.outcome(), detail.resultrans(), detail.numauto(), detail.decidedAt());
    }

    /** The invoice number in letters and digits only, 30 at most (PayFiP's {@code refdet}). */
    static String refdet(String invoiceNumber) {
        String clean = invoiceNumber.replaceAll("[^0-9A-Za-z]", "");
        return clean.length() <= 30 ? clean : clean.substring(clean.length() - 30);
    }

    /** Letters without accents, digits and spaces, 100 at most (PayFiP's {@code objet}). */
    static String objet(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replaceAll("[^0-9A-Za-z ]", " ").replaceAll(" +", " ").trim();
        return plain.length() <= 100 ? plain : plain.substring(0, 100).trim();
    }

    /** For the return page: whether {@code paymentId} is a well-formed id (the rest is the portal's business). */
    static Optional<UUID> paymentId(String value) {
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
