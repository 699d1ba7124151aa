package fr.portailfamille.billing.payment.systempay;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The authority's shop at the provider (configuration, one per authority): its id, the mode its
 * payments are made in, a key per mode, the signature algorithm and the {@code vads-payment/} address.
 * The keys are secrets: {@link #toString()} never shows them.
 *
 * @param productionKey may be {@code null} while the shop is still in test
 */
public record SystempayShop(String siteId, SystempayMode mode, String testKey, String productionKey,
                            SignatureAlgorithm algorithm, URI paymentUrl) {

    private static final Pattern SITE_ID = Pattern.compile("\\d{8}");

    public SystempayShop {
        if (siteId == null || !SITE_ID.matcher(siteId).matches()) {
            throw new IllegalArgumentException("A Systempay site id has 8 digits: " + siteId);
        }
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(paymentUrl, "paymentUrl");
        testKey = blankToNull(testKey);
        productionKey = blankToNull(productionKey);
        if ((mode == SystempayMode.TEST ? testKey : productionKey) == null) {
            throw new IllegalArgumentException("The Systempay shop " + siteId + " has no key for its mode " + mode);
        }
    }

    /** The key of {@code mode}, if the shop has one. */
    public Optional<String> keyFor(SystempayMode mode) {
        return Optional.ofNullable(mode == SystempayMode.TEST ? testKey : productionKey);
    }

    /** The key new payments are signed with. */
    String currentKey() {
        return keyFor(mode).orElseThrow();
    }

    @Override
    public String toString() {
        return "SystempayShop[siteId=" + siteId + ", mode=" + mode + ", testKey=" + (testKey == null ? "none" : "***")
                + ", productionKey=" + (productionKey == null ? "none" : "***") + ", algorithm=" + algorithm
                + ", paymentUrl=" + paymentUrl + "]";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
