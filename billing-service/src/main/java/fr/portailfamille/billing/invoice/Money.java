package fr.portailfamille.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Objects;

/**
 * Money rules of the portal: euros are {@link BigDecimal} with scale 2, never {@code double}. A line
 * is « tarif × quantité » rounded half-up to the cent; a total is the sum of its rounded lines.
 */
public final class Money {

    /** Euros are kept to the cent. */
    public static final int SCALE = 2;
    /** A tarif may have up to 4 decimals (0.3333 € a unit). */
    public static final int UNIT_PRICE_MAX_DECIMALS = 4;
    /** A quantity may have up to 2 decimals (10.50 hours). */
    public static final int QUANTITY_MAX_DECIMALS = 2;

    private static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    /** « tarif × quantité » rounded half-up to the cent: 4.40 × 10.00 = 44.00, 0.3333 × 3 = 1.00. */
    public static BigDecimal lineAmount(BigDecimal unitPrice, BigDecimal quantity) {
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(quantity, "quantity");
        return unitPrice.multiply(quantity).setScale(SCALE, RoundingMode.HALF_UP);
    }

    /** The sum of amounts that are already to the cent, with scale 2 (0.00 for none). */
    public static BigDecimal sum(Collection<BigDecimal> amounts) {
        BigDecimal total = ZERO;
        for (BigDecimal amount : amounts) {
            total = total.add(euros(amount));
        }
        return total;
    }

    /**
     * The amount with scale 2. Refuses an amount with a fraction of a cent (1.005) instead of rounding
     * it silently: only {@link #lineAmount} rounds, and only once.
     */
    public static BigDecimal euros(BigDecimal amount) {
        Objects.requireNonNull(amount, "amount");
        if (decimals(amount) > SCALE) {
            throw new IllegalArgumentException("An amount in euros has at most 2 decimals: " + amount.toPlainString());
        }
        return amount.setScale(SCALE, RoundingMode.UNNECESSARY);
    }

    /** Number of decimals that carry a value: 4.40 has 1, 10.00 has 0, 0.3333 has 4. */
    public static int decimals(BigDecimal value) {
        return Math.max(0, value.stripTrailingZeros().scale());
    }

    /** Cents as the bank protocols want them: 51.50 € is 5150. */
    public static long toCents(BigDecimal amount) {
        return euros(amount).movePointRight(SCALE).longValueExact();
    }

    /** 5150 cents is 51.50 €. */
    public static BigDecimal fromCents(long cents) {
        return BigDecimal.valueOf(cents, SCALE);
    }

    /**
     * A number written the French way for people, with at least 2 decimals and no useless zeros beyond:
     * 1234.5 becomes « 1234,50 », 0.3333 stays « 0,3333 », 4.4000 becomes « 4,40 ».
     */
    public static String french(BigDecimal value) {
        int scale = Math.max(SCALE, decimals(value));
        return value.setScale(scale, RoundingMode.UNNECESSARY).toPlainString().replace('.', ',');
    }
}
