/** billing-service's documents as PDF (invoices, mandates): an XHTML + CSS template filled with escaped values, rendered by openhtmltopdf. */
package fr.portailfamille.billing.pdf;
