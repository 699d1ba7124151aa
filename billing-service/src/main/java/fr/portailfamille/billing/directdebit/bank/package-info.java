/** The bank values of a direct debit, checked as banks check them: IBAN and BIC (iban4j), the creditor identifier (ICS), the mandate reference (RUM). */
package fr.portailfamille.billing.directdebit.bank;
