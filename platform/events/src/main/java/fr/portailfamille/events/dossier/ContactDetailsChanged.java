package fr.portailfamille.events.dossier;

import fr.portailfamille.events.FamilyEvent;

import java.util.List;

/**
 * The contact details of a dossier changed (by the family or an agent). Carries the dossier's
 * contact (e-mail, phone: guardian 1's) and every guardian's details as they are now, so that other
 * services (invoices' postal address) and the e-mails use the new ones; the family is told by
 * e-mail at the new address. {@code guardians} is empty for a dossier without guardians yet.
 */
public record ContactDetailsChanged(
        String dossierNumber,
        String familyName,
        String email,
        String phone,
        String previousEmail,
        List<Guardian> guardians) implements FamilyEvent {

    /** A guardian (responsable légal) and its contact details; phones in E.164. */
    public record Guardian(int position, String civility, String firstName, String lastName, String email,
                           String mobilePhone, String homePhone, String workPhone, String addressLine1,
                           String addressLine2, String postcode, String city) {
    }

    public ContactDetailsChanged {
        guardians = guardians == null ? List.of() : List.copyOf(guardians);
    }

    /** The dossier's contact alone (no guardian recorded). */
    public ContactDetailsChanged(String dossierNumber, String familyName, String email, String phone,
                                 String previousEmail) {
        this(dossierNumber, familyName, email, phone, previousEmail, List.of());
    }
}
