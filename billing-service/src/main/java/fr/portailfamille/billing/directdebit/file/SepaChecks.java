package fr.portailfamille.billing.directdebit.file;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Format checks of the records' fields: only the shape the XSD asks for. The real checks (IBAN check
 * digits and country length, the ICS's MOD 97) are the bank values' ({@code directdebit.bank}); the
 * records take plain strings until the two are joined.
 */
final class SepaChecks {

    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Za-z0-9]{1,30}");
    private static final Pattern BIC = Pattern.compile("[A-Z]{6}[A-Z2-9][A-NP-Z0-9]([A-Z0-9]{3})?");
    /** Creditor identifier: country, check digits, 3-character business code, national id (FR: {@code FRkkZZZnnnnnn}). */
    private static final Pattern ICS = Pattern.compile("[A-Z]{2}[0-9]{2}[A-Za-z0-9]{3}[A-Za-z0-9]{1,28}");
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999.99");

    private SepaChecks() {
    }

    /** Spaces removed, upper case; {@link IllegalArgumentException} when not shaped like an IBAN. */
    static String iban(String what, String iban) {
        String compact = compact(iban);
        if (compact == null || !IBAN.matcher(compact).matches()) {
            throw new IllegalArgumentException(what + " is not an IBAN: " + iban);
        }
        return compact;
    }

    /** {@code null} stays {@code null} (no BIC: IBAN-only, allowed by the EPC since 2016). */
    static String optionalBic(String what, String bic) {
        String compact = compact(bic);
        if (compact == null || compact.isEmpty()) {
            return null;
        }
        if (!BIC.matcher(compact).matches()) {
            throw new IllegalArgumentException(what + " is not a BIC: " + bic);
        }
        return compact;
    }

    static String ics(String ics) {
        String compact = compact(ics);
        if (compact == null || !ICS.matcher(compact).matches()) {
            throw new IllegalArgumentException("Not a creditor identifier (ICS, e.g. FR12ZZZ123456): " + ics);
        }
        return compact;
    }

    /** More than 0, at most 999,999,999.99, no fraction of a cent: returned with scale 2. */
    static BigDecimal amount(BigDecimal amount) {
        if (amount == null || amount.signum() <= 0 || amount.compareTo(MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("A debit's amount is more than 0 and at most 999999999.99 EUR: " + amount);
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("A debit's amount has at most 2 decimals: " + amount, e);
        }
    }

    private static String compact(String value) {
        return value == null ? null : value.replace(" ", "").toUpperCase(Locale.ROOT);
    }
}
