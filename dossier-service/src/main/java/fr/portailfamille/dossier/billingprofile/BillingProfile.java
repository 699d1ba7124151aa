package fr.portailfamille.dossier.billingprofile;

import java.util.List;

/**
 * A dossier as an invoice prints it: the family's name and the e-mail the portal writes to (the
 * dossier's, as its events carry them), the postal address of the first guardian who has one
 * ({@code addressLines} empty and {@code postcode}, {@code city} null when none has), and the access
 * key in clear, or null when the dossier's key was made before keys were kept (ADR 004).
 */
public record BillingProfile(String number, String familyName, String email, List<String> addressLines,
                             String postcode, String city, String accessKey) {
}
