package fr.portailfamille.banksimulator.systempay;

import java.net.URI;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.SortedMap;

/**
 * A payment form the platform accepted.
 *
 * @param fields     every {@code vads_} field as the shop sent it, sorted by name
 * @param siteId     {@code vads_site_id}
 * @param ctxMode    {@code vads_ctx_mode}: TEST or PRODUCTION
 * @param transId    {@code vads_trans_id} as sent (its case kept)
 * @param transDate  {@code vads_trans_date}, UTC
 * @param amount     {@code vads_amount}, in cents
 * @param currency   {@code vads_currency}, ISO 4217 numeric
 * @param orderId    {@code vads_order_id}, or null
 * @param shopName   {@code vads_shop_name}, or null
 * @param returnMode GET, POST or NONE ({@code vads_return_mode}; GET when not sent)
 * @param urls       the return URLs that were sent, by field name ({@code vads_url_return}, …)
 * @param urlCheck   {@code vads_url_check}, or null
 */
public record PaymentRequest(
        SortedMap<String, String> fields,
        String siteId,
        String ctxMode,
        String transId,
        LocalDateTime transDate,
        long amount,
        String currency,
        String orderId,
        String shopName,
        String returnMode,
        Map<String, URI> urls,
        URI urlCheck) {
}
