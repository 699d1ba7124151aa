package fr.portailfamille.billing.payment.systempay;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * {@code portal.billing.payment.systempay.*}: the authority's shop at Systempay / PayZen / Lyra. The
 * keys are secrets (Kubernetes Secret, environment): {@link #toString()} never shows them.
 *
 * @param siteId        {@code vads_site_id}, 8 digits; blank when the authority does not use Systempay
 * @param mode          {@code TEST} or {@code PRODUCTION}: the mode new payments are made in
 * @param testKey       the key of the TEST mode
 * @param productionKey the key of the PRODUCTION mode (blank while the shop is in test)
 * @param algorithm     {@code HMAC_SHA_256} (current shops) or {@code SHA_1}
 * @param url           the platform's {@code vads-payment/} address
 * @param window        how long a payment may wait for its notification before it is given up
 */
@ConfigurationProperties("portal.billing.payment.systempay")
public record SystempayProperties(
        String siteId,
        @DefaultValue("TEST") SystempayMode mode,
        String testKey,
        String productionKey,
        @DefaultValue("HMAC_SHA_256") SignatureAlgorithm algorithm,
        URI url,
        @DefaultValue("30m") Duration window) {

    /** Whether the authority has a Systempay shop at all. */
    public boolean present() {
        return siteId != null && !siteId.isBlank();
    }

    /** The shop; fails when the settings are present but wrong (a site id of 7 digits, no key for the mode...). */
    public SystempayShop shop() {
        if (url == null) {
            throw new IllegalArgumentException("portal.billing.payment.systempay.url is missing");
        }
        return new SystempayShop(siteId.trim(), mode, testKey, productionKey, algorithm, url);
    }

    @Override
    public String toString() {
        return "SystempayProperties[siteId=" + siteId + ", mode=" + mode + ", testKey=" + mask(testKey)
                + ", productionKey=" + mask(productionKey) + ", algorithm=" + algorithm + ", url=" + url
                + ", window=" + window + "]";
    }

    private static String mask(String key) {
        return key == null || key.isBlank() ? "none" : "***";
    }
}
