package fr.portailfamille.billing.payment.payfip;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code portal.billing.payment.payfip.*}: the authority's PayFiP subscription.
 *
 * @param numcli       the client number PayFiP gave the authority (6 digits); blank when it does not use PayFiP
 * @param url          where the payment page is: the browser goes to {@code <url>/tpa/paiementws.web?idop=…}
 * @param serviceUrl   where the SOAP service is ({@code <serviceUrl>/tpa/services/securite}); {@code url} when blank
 *                     (the real PayFiP serves them from two hosts)
 * @param saisie       T (test), X (activation) or W (production)
 * @param idopLifetime how long an {@code idOp} opens the page (15 minutes at PayFiP)
 * @param expiryMargin waited beyond it before PayFiP is asked what became of a payment without notification
 * @param timeout      for one SOAP call
 */
@ConfigurationProperties("portal.billing.payment.payfip")
public record PayfipProperties(
        String numcli,
        URI url,
        URI serviceUrl,
        @DefaultValue("T") String saisie,
        @DefaultValue("15m") Duration idopLifetime,
        @DefaultValue("5m") Duration expiryMargin,
        @DefaultValue("10s") Duration timeout) {

    public boolean present() {
        return numcli != null && !numcli.isBlank();
    }

    /** Checks the settings of an authority that uses PayFiP. */
    void check() {
        if (!numcli.trim().matches("\\d{6}")) {
            throw new IllegalArgumentException("portal.billing.payment.payfip.numcli has 6 digits: " + numcli);
        }
        if (url == null) {
            throw new IllegalArgumentException("portal.billing.payment.payfip.url is missing");
        }
        if (!saisie.matches("[TXW]")) {
            throw new IllegalArgumentException("portal.billing.payment.payfip.saisie is T, X or W: " + saisie);
        }
    }

    URI soapEndpoint() {
        String base = (serviceUrl == null || serviceUrl.toString().isBlank() ? url : serviceUrl).toString();
        return URI.create(trim(base) + "/tpa/services/securite");
    }

    String pageUrl() {
        return trim(url.toString()) + "/tpa/paiementws.web";
    }

    private static String trim(String base) {
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }
}
