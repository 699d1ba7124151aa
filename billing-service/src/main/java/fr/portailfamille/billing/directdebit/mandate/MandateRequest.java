package fr.portailfamille.billing.directdebit.mandate;

import fr.portailfamille.billing.directdebit.bank.Bic;
import fr.portailfamille.billing.directdebit.bank.Iban;

/** A mandate as the family asked it, its values checked ({@link MandateForm#checked()}). */
record MandateRequest(String holderName, String addressLine, String postcode, String city, Iban iban, Bic bic,
                      String textVersion) {
}
