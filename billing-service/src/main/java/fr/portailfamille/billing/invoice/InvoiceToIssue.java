package fr.portailfamille.billing.invoice;

import fr.portailfamille.billing.dossier.BillingProfile;

import java.util.Objects;

/** An invoice of an accepted batch, with its family as dossier-service gave it and its PDF, made before the transaction. */
public record InvoiceToIssue(NewInvoice invoice, BillingProfile family, byte[] pdf) {

    public InvoiceToIssue {
        Objects.requireNonNull(invoice, "invoice");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(pdf, "pdf");
    }

    /** « facture-2026-000123.pdf ». */
    public String fileName() {
        return fileName(invoice.number());
    }

    static String fileName(String number) {
        return "facture-" + number + ".pdf";
    }
}
