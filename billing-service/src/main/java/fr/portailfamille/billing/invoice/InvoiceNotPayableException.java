package fr.portailfamille.billing.invoice;

import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * 409: the invoice cannot be chosen for a payment, with the reason in French according to its status:
 * « La facture 2026-000123 est déjà payée. », « … a un paiement en cours. », « … est annulée. »,
 * « … sera prélevée automatiquement : … ».
 */
public class InvoiceNotPayableException extends ApiProblem {

    private final String invoiceNumber;
    private final InvoiceStatus invoiceStatus;

    public InvoiceNotPayableException(String invoiceNumber, InvoiceStatus status) {
        super(HttpStatus.CONFLICT, "facture-non-payable", "invoice.not-payable." + status.name(), invoiceNumber);
        this.invoiceNumber = invoiceNumber;
        this.invoiceStatus = status;
    }

    public String invoiceNumber() {
        return invoiceNumber;
    }

    public InvoiceStatus invoiceStatus() {
        return invoiceStatus;
    }
}
