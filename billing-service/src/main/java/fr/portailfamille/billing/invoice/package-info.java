/** Invoices: their lines, money rounded to the cent, totals, and the statuses a family sees. */
package fr.portailfamille.billing.invoice;
