package fr.portailfamille.banksimulator.systempay;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The simulated shop as the bank's back office would hold it. The defaults are public test values for
 * the local stack and the tests: the keys are never printed (see {@link #toString()}).
 *
 * @param siteId         the shop's identifier ({@code vads_site_id}, 8 digits)
 * @param testKey        the key that signs in {@code vads_ctx_mode=TEST}
 * @param productionKey  the key that signs in {@code vads_ctx_mode=PRODUCTION}
 * @param algorithm      HMAC-SHA-256 (default) or SHA-1, for the shop's form and the platform's answers
 * @param shopName       the name shown on the payment page unless the form sends {@code vads_shop_name}
 * @param sessionTimeout how long the payment page waits for the buyer before the payment is abandoned
 * @param returnUrl      the back office's return URL, used when the form sends none
 * @param notification   the server-to-server notification (IPN)
 */
@ConfigurationProperties("bank-simulator.systempay")
public record SystempayProperties(
        @DefaultValue("12345678") String siteId,
        @DefaultValue("simulator-test-key-0123456789") String testKey,
        @DefaultValue("simulator-production-key-9876543210") String productionKey,
        @DefaultValue("HMAC_SHA_256") SignatureAlgorithm algorithm,
        @DefaultValue("Portail Famille") String shopName,
        @DefaultValue("10m") Duration sessionTimeout,
        URI returnUrl,
        @DefaultValue Notification notification) {

    /**
     * @param url         the back office's notification URL, used when the form sends no {@code vads_url_check}
     * @param timeout     how long one call to the shop may take
     * @param retryDelays the waits before each new attempt after a failed one (the real platform: 4 more
     *                    attempts, 15 minutes apart); empty means a single attempt
     */
    public record Notification(
            URI url,
            @DefaultValue("10s") Duration timeout,
            @DefaultValue({"15m", "15m", "15m", "15m"}) List<Duration> retryDelays) {
    }

    /** The key of a {@code vads_ctx_mode}: TEST or PRODUCTION. */
    public String keyFor(String ctxMode) {
        return "PRODUCTION".equals(ctxMode) ? productionKey : testKey;
    }

    @Override
    public String toString() {
        return "SystempayProperties[siteId=" + siteId + ", testKey=(hidden), productionKey=(hidden), algorithm="
                + algorithm + ", shopName=" + shopName + ", sessionTimeout=" + sessionTimeout + ", returnUrl="
                + returnUrl + ", notification=" + notification + "]";
    }
}
