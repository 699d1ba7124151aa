package fr.portailfamille.billing.invoice;

import fr.portailfamille.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/**
 * 404 « Facture introuvable. »: no such invoice, or not of the caller's dossier (another family's ids
 * are answered exactly as unknown ones, and nothing is changed).
 */
public class InvoiceNotFoundException extends ApiProblem {

    public InvoiceNotFoundException() {
        super(HttpStatus.NOT_FOUND, "facture-introuvable", "invoice.not-found");
    }
}
