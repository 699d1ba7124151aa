package fr.portailfamille.billing.dossier;

import java.util.List;

/**
 * A dossier as dossier-service gives it for an invoice: the family's name, the e-mail the portal
 * writes to, the postal address ({@code addressLines} empty, {@code postcode} and {@code city} null
 * when the dossier has none) and the access key in clear, or {@code null} when dossier-service keeps
 * none readable (ADR 004). The key is printed on the PDF and never stored nor logged here.
 */
public record BillingProfile(String number, String familyName, String email, List<String> addressLines,
                             String postcode, String city, String accessKey) {

    public BillingProfile {
        addressLines = addressLines == null ? List.of() : List.copyOf(addressLines);
    }

    @Override
    public String toString() {
        return "BillingProfile[number=" + number + ", familyName=" + familyName + ", accessKey="
                + (accessKey == null ? "none" : "****") + "]";
    }
}
