/** The ISO 20022 direct-debit file (pain.008, SEPA CORE) written with StAX and checked against the official XSD: pure Java, no Spring. */
package fr.portailfamille.billing.directdebit.file;
