package fr.portailfamille.banksimulator.systempay;

import java.net.URI;
import java.util.SortedMap;

/**
 * Where and how the buyer's browser goes back to the shop once the payment is over.
 *
 * @param status the transaction's outcome
 * @param url    the return URL chosen for that outcome, or null when neither the form nor the
 *               configuration gives one (the simulator then shows the outcome itself)
 * @param mode   GET (fields in the query string), POST (fields in an auto-submitted form) or NONE (no fields)
 * @param fields the signed return fields
 */
public record ShopReturn(TransactionStatus status, URI url, String mode, SortedMap<String, String> fields) {
}
