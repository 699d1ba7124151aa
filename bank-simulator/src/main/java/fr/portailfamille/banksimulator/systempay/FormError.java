package fr.portailfamille.banksimulator.systempay;

/**
 * Why the platform refuses a payment form, as its test-mode error page says it: the platform's error
 * code when it has one (« Erreur 03 »), the field, and what is wrong, in French.
 *
 * @param code    the platform's two-digit error code for the field, or null where the simulator has none
 * @param field   the offending field ({@code vads_trans_id}, {@code signature}, …)
 * @param message what is wrong, in French
 */
public record FormError(String code, String field, String message) {
}
