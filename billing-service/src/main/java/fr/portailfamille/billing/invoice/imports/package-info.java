/** Import of invoice batches from the authority's billing software (CSV or JSON), with a report of every bad row. */
package fr.portailfamille.billing.invoice.imports;
