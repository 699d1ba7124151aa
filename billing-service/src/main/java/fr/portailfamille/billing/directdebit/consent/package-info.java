/** The family's electronic consent to a mandate: a one-time code e-mailed to the account's address (6 digits, 10 minutes, 5 tries). */
package fr.portailfamille.billing.directdebit.consent;
