package fr.portailfamille.billing.payment.systempay;

/** How the shop signs, as chosen in the provider's back office. */
public enum SignatureAlgorithm {
    /** HMAC-SHA-256 with the key, Base64: the default of current shops. */
    HMAC_SHA_256,
    /** SHA-1 of the text (which ends with the key), lowercase hex: older shops. */
    SHA_1
}
