package fr.portailfamille.billing.invoice.imports;

import fr.portailfamille.billing.invoice.NewInvoice;

/**
 * An invoice of an accepted batch, with where it came from so that a later check (the dossier) can
 * still name the row.
 *
 * @param row      the row of its first line
 * @param location the French location of its first line (« ligne 2 », « facture 1, ligne 1 »)
 */
public record ImportedInvoice(NewInvoice invoice, int row, String location) {
}
