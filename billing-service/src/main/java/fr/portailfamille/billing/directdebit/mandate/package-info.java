/** A dossier's SEPA mandate: asked with the bank details, signed with the e-mailed code, then active (issue 12, first steps). */
package fr.portailfamille.billing.directdebit.mandate;
