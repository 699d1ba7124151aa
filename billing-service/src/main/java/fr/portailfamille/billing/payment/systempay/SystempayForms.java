package fr.portailfamille.billing.payment.systempay;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Makes the signed « formulaire de paiement » of one payment: a single payment in euros, card details
 * typed on the bank's page, the page in French.
 */
public final class SystempayForms {

    /** {@code vads_trans_date}: {@code yyyyMMddHHmmss} in UTC. */
    public static final DateTimeFormatter TRANS_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    /** ISO 4217 numeric code of the euro. */
    public static final String EURO = "978";

    private SystempayForms() {
    }

    public static SystempayForm build(SystempayShop shop, PaymentFormRequest request) {
        Map<String, String> vads = new TreeMap<>();
        vads.put("vads_site_id", shop.siteId());
        vads.put("vads_ctx_mode", shop.mode().name());
        vads.put("vads_trans_id", request.transId());
        vads.put("vads_trans_date", TRANS_DATE.format(request.transDate()));
        vads.put("vads_amount", Long.toString(request.amountInCents()));
        vads.put("vads_currency", EURO);
        vads.put("vads_action_mode", "INTERACTIVE");
        vads.put("vads_page_action", "PAYMENT");
        vads.put("vads_payment_config", "SINGLE");
        vads.put("vads_version", "V2");
        vads.put("vads_language", "fr");
        vads.put("vads_order_id", request.orderId());
        vads.put("vads_cust_email", request.customerEmail());
        vads.put("vads_url_check", request.checkUrl().toString());
        PaymentFormRequest.ReturnUrls urls = request.returnUrls();
        vads.put("vads_url_return", urls.returnUrl().toString());
        putIfPresent(vads, "vads_url_success", urls.success());
        putIfPresent(vads, "vads_url_refused", urls.refused());
        putIfPresent(vads, "vads_url_cancel", urls.cancel());
        putIfPresent(vads, "vads_url_error", urls.error());
        Map<String, String> fields = new LinkedHashMap<>(vads);
        fields.put("signature", VadsSignature.sign(vads, shop.currentKey(), shop.algorithm()));
        return new SystempayForm(shop.paymentUrl(), fields);
    }

    private static void putIfPresent(Map<String, String> fields, String name, URI uri) {
        if (uri != null) {
            fields.put(name, uri.toString());
        }
    }
}
