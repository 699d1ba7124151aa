package fr.portailfamille.billing.directdebit.file;

/**
 * The authority collecting: its name (transliterated, 70 at most), its creditor identifier (ICS,
 * {@code FRkkZZZnnnnnn}), the account credited and its bank's BIC ({@code null}: IBAN only, the file
 * says {@code NOTPROVIDED}). IBAN and BIC are kept without spaces, upper case.
 */
public record Creditor(String name, String ics, String iban, String bic) {

    public Creditor {
        name = SepaText.requireLatin("The creditor's name", name, SepaText.NAME_MAX);
        ics = SepaChecks.ics(ics);
        iban = SepaChecks.iban("The creditor's IBAN", iban);
        bic = SepaChecks.optionalBic("The creditor's BIC", bic);
    }

    /** A creditor whose bank is given by the IBAN only. */
    public Creditor(String name, String ics, String iban) {
        this(name, ics, iban, null);
    }
}
