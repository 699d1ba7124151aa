/**
 * The treasury's side of direct debit (« régie »): the file of a collection date (pain.008, validated
 * against its schema, kept and downloadable again, once per date), the bank's rejections (typed by an
 * agent or read from its pain.002 report), the daily job (debited invoices paid, unused mandates lapsed),
 * and the agents' view of the mandates (the whole IBAN for the treasury role only).
 */
package fr.portailfamille.billing.directdebit.collection;
