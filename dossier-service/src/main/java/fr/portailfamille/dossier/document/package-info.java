/** « Mes documents »: files agents make available (DocumentPublished), invoices joining from billing's InvoiceIssued events, downloads. */
package fr.portailfamille.dossier.document;
