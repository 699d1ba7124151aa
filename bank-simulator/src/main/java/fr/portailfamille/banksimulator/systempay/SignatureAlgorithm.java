package fr.portailfamille.banksimulator.systempay;

/**
 * The two signature algorithms of the payment form: HMAC-SHA-256 (Base64), the default of every shop
 * created today, and SHA-1 (lower-case hexadecimal) that older shops still use. Configured per shop.
 */
public enum SignatureAlgorithm {
    HMAC_SHA_256,
    SHA_1
}
