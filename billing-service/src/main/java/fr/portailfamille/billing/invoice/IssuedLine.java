package fr.portailfamille.billing.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/**
 * A line of an issued invoice as stored ({@code invoice_line}): « Nom et Prénom – Prestation », tarif,
 * quantité, montant. Made only from an {@link InvoiceLine}, so its amount is always tarif × quantité
 * rounded half-up to the cent.
 */
@Embeddable
public class IssuedLine {

    @Column(length = 120)
    private String beneficiary;

    @Column(nullable = false, length = 120)
    private String service;

    @Column(name = "unit_price", nullable = false, precision = 12, scale = 4)
    private BigDecimal unitPrice;

    @Column(nullable = false, precision = 8, scale = 2)
    private BigDecimal quantity;

    @Column(nullable = false, precision = 12, scale = 2)
    private BigDecimal amount;

    protected IssuedLine() {
    }

    IssuedLine(InvoiceLine line) {
        this.beneficiary = line.beneficiary();
        this.service = line.service();
        this.unitPrice = line.unitPrice();
        this.quantity = line.quantity();
        this.amount = line.amount();
    }

    /** The line as the domain knows it (tarif with its significant decimals, at least 2). */
    public InvoiceLine toLine() {
        return new InvoiceLine(beneficiary, service, unitPrice.stripTrailingZeros(), quantity, amount);
    }
}
