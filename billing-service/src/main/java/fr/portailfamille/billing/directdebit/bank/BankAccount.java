package fr.portailfamille.billing.directdebit.bank;

import fr.portailfamille.platform.problem.ApiProblem;

/** An account as a family types it on a mandate: the IBAN and, if given, the BIC of a bank of the same country. */
public record BankAccount(Iban iban, Bic bic) {

    /** The typed IBAN ({@code iban} field) and optional BIC ({@code bic} field); 400 naming the field otherwise. */
    public static BankAccount parse(String typedIban, String typedBic) {
        Iban iban = Iban.parse("iban", typedIban);
        Bic bic = Bic.parseOptional("bic", typedBic);
        if (bic != null && !bic.country().equals(iban.country())) {
            throw ApiProblem.invalidField("bic", "bic.other-country", iban.country());
        }
        return new BankAccount(iban, bic);
    }
}
