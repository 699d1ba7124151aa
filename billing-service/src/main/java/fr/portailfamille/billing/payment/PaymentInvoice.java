package fr.portailfamille.billing.payment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One invoice of a payment, as it was when the payment started (number, period, total): the payment
 * shows and journals what was paid without asking the invoices again.
 */
@Embeddable
public class PaymentInvoice {

    @Column(name = "invoice_id", nullable = false)
    private UUID invoiceId;

    @Column(name = "invoice_number", nullable = false)
    private String number;

    @Column(name = "period", nullable = false)
    private String period;

    @Column(name = "total", nullable = false, precision = 12, scale = 2)
    private BigDecimal total;

    protected PaymentInvoice() {
    }

    PaymentInvoice(UUID invoiceId, String number, String period, BigDecimal total) {
        this.invoiceId = invoiceId;
        this.number = number;
        this.period = period;
        this.total = total;
    }

    public UUID getInvoiceId() {
        return invoiceId;
    }

    public String getNumber() {
        return number;
    }

    public String getPeriod() {
        return period;
    }

    public BigDecimal getTotal() {
        return total;
    }
}
