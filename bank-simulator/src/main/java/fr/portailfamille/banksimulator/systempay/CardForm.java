package fr.portailfamille.banksimulator.systempay;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the buyer typed in the card form, checked the way a payment page does, with French messages
 * tied to each field. Only the documented test card numbers can pay.
 *
 * @param cardNumber the card number as typed (spaces allowed)
 * @param expiry     MM/AA (or MM/AAAA)
 * @param cvv        the 3-digit card verification value
 */
public record CardForm(String cardNumber, String expiry, String cvv) {

    private static final Pattern EXPIRY = Pattern.compile("\\s*(\\d{1,2})\\s*/\\s*(\\d{2}|\\d{4})\\s*");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** The checked card, or the errors by field name. */
    public record Checked(TestCard card, YearMonth expiry, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public Checked check(Clock clock) {
        Map<String, String> errors = new LinkedHashMap<>();
        TestCard card = null;
        String digits = cardNumber == null ? "" : cardNumber.replaceAll("[\\s-]", "");
        if (digits.isEmpty()) {
            errors.put("cardNumber", "Saisissez le numéro de la carte.");
        } else if (!digits.matches("\\d{13,19}")) {
            errors.put("cardNumber", "Le numéro de carte ne comporte que des chiffres, 16 en général.");
        } else {
            card = TestCard.byNumber(digits).orElse(null);
            if (card == null) {
                errors.put("cardNumber", "Ce numéro ne correspond à aucune carte de test : choisissez-en une dans la liste "
                        + "« Cartes de test ». Aucune carte réelle n'est acceptée ici.");
            }
        }
        YearMonth expiryMonth = null;
        Matcher matcher = EXPIRY.matcher(expiry == null ? "" : expiry);
        if (expiry == null || expiry.isBlank()) {
            errors.put("expiry", "Saisissez la date d'expiration de la carte, au format MM/AA.");
        } else if (!matcher.matches() || Integer.parseInt(matcher.group(1)) < 1 || Integer.parseInt(matcher.group(1)) > 12) {
            errors.put("expiry", "La date d'expiration doit être au format MM/AA, par exemple 12/28.");
        } else {
            int year = Integer.parseInt(matcher.group(2));
            expiryMonth = YearMonth.of(year < 100 ? 2000 + year : year, Integer.parseInt(matcher.group(1)));
            if (expiryMonth.isBefore(YearMonth.now(clock.withZone(PARIS)))) {
                errors.put("expiry", "Cette carte est expirée : la date d'expiration est passée.");
            }
        }
        if (cvv == null || cvv.isBlank()) {
            errors.put("cvv", "Saisissez le cryptogramme visuel, les 3 chiffres au dos de la carte.");
        } else if (!cvv.trim().matches("\\d{3}")) {
            errors.put("cvv", "Le cryptogramme visuel comporte 3 chiffres.");
        }
        return new Checked(card, expiryMonth, errors);
    }
}
