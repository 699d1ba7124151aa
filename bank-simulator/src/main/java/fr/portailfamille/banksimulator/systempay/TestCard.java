package fr.portailfamille.banksimulator.systempay;

import java.util.Arrays;
import java.util.Optional;

/**
 * The test card numbers of the Lyra platforms (Systempay, PayZen, Sogecommerce…), « CB, VISA » table of
 * the PayZen « Test card guide » (Lyra Network, document version 1.5). The number decides the outcome;
 * expiry (any future month) and CVV (any 3 digits) do not. What the simulator puts in
 * {@code vads_auth_result} and the 3-D Secure fields for each card is its own choice, close to what the
 * guide describes.
 */
public enum TestCard {
    ACCEPTED_3DS("4970100000000000", true, "Paiement accepté avec authentification 3D Secure", "00", "YES", "Y", "Y"),
    ACCEPTED_NO_WARRANTY("4970100000000007", true, "Paiement accepté, garantie de paiement = NON", "00", "NO", "Y", "Y"),
    ACCEPTED_MERCHANT_NOT_ENROLLED("4970100000000003", true, "Paiement accepté, marchand non enrôlé 3D Secure", "00", "NO", "", ""),
    ACCEPTED_BUYER_NOT_ENROLLED("4970100000000001", true, "Paiement accepté, acheteur non enrôlé 3D Secure", "00", "YES", "N", ""),
    REFUSED_3DS_FAILED("4970100000000097", false, "Paiement refusé : l'acheteur n'est pas parvenu à s'authentifier (3D Secure)", "", "", "Y", "N"),
    REFUSED_LIMIT_EXCEEDED("4970100000000098", false, "Paiement refusé : autorisation refusée, plafond de la carte dépassé", "51", "", "Y", "Y"),
    REFUSED_WRONG_CVV("4970100000000099", false, "Paiement refusé : autorisation refusée, cryptogramme visuel erroné", "05", "", "Y", "Y");

    private final String number;
    private final boolean accepted;
    private final String description;
    private final String authResult;
    private final String warrantyResult;
    private final String threedsEnrolled;
    private final String threedsStatus;

    TestCard(String number, boolean accepted, String description, String authResult, String warrantyResult,
             String threedsEnrolled, String threedsStatus) {
        this.number = number;
        this.accepted = accepted;
        this.description = description;
        this.authResult = authResult;
        this.warrantyResult = warrantyResult;
        this.threedsEnrolled = threedsEnrolled;
        this.threedsStatus = threedsStatus;
    }

    public static Optional<TestCard> byNumber(String digits) {
        return Arrays.stream(values()).filter(card -> card.number.equals(digits)).findFirst();
    }

    public String number() {
        return number;
    }

    /** The number in groups of four, as printed on a card. */
    public String groupedNumber() {
        return number.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    public boolean accepted() {
        return accepted;
    }

    public String description() {
        return description;
    }

    String authResult() {
        return authResult;
    }

    String warrantyResult() {
        return warrantyResult;
    }

    String threedsEnrolled() {
        return threedsEnrolled;
    }

    String threedsStatus() {
        return threedsStatus;
    }
}
