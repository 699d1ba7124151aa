/** The bank's answer to a direct-debit file: the ISO 20022 status report (pain.002) read into the debits it rejects and why, in French. */
package fr.portailfamille.billing.directdebit.report;
