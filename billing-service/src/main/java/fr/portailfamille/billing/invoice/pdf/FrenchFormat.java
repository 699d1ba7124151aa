package fr.portailfamille.billing.invoice.pdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Numbers and dates as a French reader expects them on paper: « 1 234,56 € » (thousands separated by
 * a no-break space, decimal comma), « 0,3333 », « 05/10/2026 ». The no-break space (U+00A0), not the
 * narrow one, so the PDF's standard fonts have it.
 */
final class FrenchFormat {

    static final char NO_BREAK_SPACE = '\u00A0';
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private FrenchFormat() {
    }

    /** « 1 234,56 € ». */
    static String euros(BigDecimal amount) {
        return number(amount.setScale(2, RoundingMode.UNNECESSARY)) + NO_BREAK_SPACE + "€";
    }

    /** At least 2 decimals, those that carry a value beyond: 4.4000 is « 4,40 », 0.3333 is « 0,3333 ». */
    static String decimal(BigDecimal value) {
        int decimals = Math.max(2, Math.max(0, value.stripTrailingZeros().scale()));
        return number(value.setScale(decimals, RoundingMode.UNNECESSARY));
    }

    static String date(LocalDate date) {
        return DATE.format(date);
    }

    private static String number(BigDecimal value) {
        String plain = value.abs().toPlainString();
        int dot = plain.indexOf('.');
        String integer = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(NO_BREAK_SPACE);
            }
            grouped.append(integer.charAt(i));
        }
        return (value.signum() < 0 ? "-" : "") + grouped + (fraction.isEmpty() ? "" : "," + fraction);
    }
}
