package fr.portailfamille.events.billing;

import fr.portailfamille.events.FamilyEvent;

import java.math.BigDecimal;

/**
 * An agent cancelled an invoice, with the reason the family reads; it can no longer be paid. The
 * family is e-mailed; dossier-service marks it in « Mes documents ».
 */
public record InvoiceCancelled(
        String dossierNumber,
        String invoiceId,
        String invoiceNumber,
        String periodLabel,
        BigDecimal amount,
        String reason,
        String familyName,
        String email) implements FamilyEvent {
}
