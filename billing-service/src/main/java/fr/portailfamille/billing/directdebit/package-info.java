/** Prélèvement automatique (SEPA direct debit, issue 12): mandates, bank details, the direct-debit file. Being built: today its bank values and its file. */
package fr.portailfamille.billing.directdebit;
