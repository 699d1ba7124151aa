package fr.portailfamille.billing.invoice;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * One line of an invoice, as in the seed's table « Nom et Prénom – Prestation | tarif | quantité |
 * montant »: {@code DURAND Marie — Repas Enfants — 4.40 × 10.00 = 44.00}.
 *
 * <p>The tarif has up to 4 decimals and is never negative, the quantity up to 2 decimals and is above
 * zero, and the amount is always tarif × quantité rounded half-up to the cent ({@link Money#lineAmount}).
 * The values are kept with scale 2 for quantity and amount, and at least 2 for the tarif.
 *
 * @param beneficiary who the service was for (« DURAND Marie »), or {@code null} for a line of the family
 * @param service     the prestation (« Repas Enfants »)
 */
public record InvoiceLine(String beneficiary, String service, BigDecimal unitPrice, BigDecimal quantity,
                          BigDecimal amount) {

    public InvoiceLine {
        beneficiary = beneficiary == null || beneficiary.isBlank() ? null : beneficiary.strip();
        if (service == null || service.isBlank()) {
            throw new IllegalArgumentException("An invoice line names its service");
        }
        service = service.strip();
        Objects.requireNonNull(unitPrice, "unitPrice");
        Objects.requireNonNull(quantity, "quantity");
        Objects.requireNonNull(amount, "amount");
        if (unitPrice.signum() < 0) {
            throw new IllegalArgumentException("A unit price is not negative: " + unitPrice.toPlainString());
        }
        if (Money.decimals(unitPrice) > Money.UNIT_PRICE_MAX_DECIMALS) {
            throw new IllegalArgumentException("A unit price has at most 4 decimals: " + unitPrice.toPlainString());
        }
        if (quantity.signum() <= 0) {
            throw new IllegalArgumentException("A quantity is above zero: " + quantity.toPlainString());
        }
        if (Money.decimals(quantity) > Money.QUANTITY_MAX_DECIMALS) {
            throw new IllegalArgumentException("A quantity has at most 2 decimals: " + quantity.toPlainString());
        }
        BigDecimal expected = Money.lineAmount(unitPrice, quantity);
        if (amount.compareTo(expected) != 0) {
            throw new IllegalArgumentException("A line amount is unit price × quantity rounded to the cent: "
                    + unitPrice.toPlainString() + " × " + quantity.toPlainString() + " = " + expected.toPlainString()
                    + ", not " + amount.toPlainString());
        }
        unitPrice = unitPrice.setScale(Math.max(Money.SCALE, Money.decimals(unitPrice)), RoundingMode.UNNECESSARY);
        quantity = quantity.setScale(Money.QUANTITY_MAX_DECIMALS, RoundingMode.UNNECESSARY);
        amount = expected;
    }

    /** The line with its amount computed: tarif × quantité rounded half-up to the cent. */
    public static InvoiceLine of(String beneficiary, String service, BigDecimal unitPrice, BigDecimal quantity) {
        return new InvoiceLine(beneficiary, service, unitPrice, quantity, Money.lineAmount(unitPrice, quantity));
    }

    /** « DURAND Marie – Repas Enfants », or the service alone for a line of the whole family. */
    public String label() {
        return beneficiary == null ? service : beneficiary + " – " + service;
    }
}
