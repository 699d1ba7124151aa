/** Invoices' PDFs: an XHTML + CSS template rendered by openhtmltopdf, text extractable, made once at import. */
package fr.portailfamille.billing.invoice.pdf;
