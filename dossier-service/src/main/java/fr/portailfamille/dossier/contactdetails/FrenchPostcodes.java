package fr.portailfamille.dossier.contactdetails;

import java.util.regex.Pattern;

/**
 * French postcodes: five digits whose department part exists: 01 to 95 (Corsica's postcodes are
 * numeric, 20000 to 20999; « 2A » and « 2B » are department codes, never postcodes), overseas 97
 * and 98 (Monaco's 980xx and the Pacific's included). 00, 96 and 99 do not exist. Written here: no
 * library is worth a dependency for one rule that La Poste's format defines this simply.
 */
public final class FrenchPostcodes {

    private static final Pattern FORMAT = Pattern.compile("^(0[1-9]|[1-8][0-9]|9[0-5]|97|98)[0-9]{3}$");

    private FrenchPostcodes() {
    }

    /** Whether {@code postcode} (spaces around it ignored) is a French postcode. */
    public static boolean isValid(String postcode) {
        return postcode != null && FORMAT.matcher(postcode.strip()).matches();
    }
}
