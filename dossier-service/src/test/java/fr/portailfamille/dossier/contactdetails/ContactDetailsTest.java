package fr.portailfamille.dossier.contactdetails;

import fr.portailfamille.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A guardian's contact details as stored: trimmed, blanks as none, phones in E.164, an address whole or not at all. */
class ContactDetailsTest {

    private static ContactDetails address(String line1, String line2, String postcode, String city) {
        return new ContactDetails(null, null, null, null, line1, line2, postcode, city);
    }

    private static String missingField(ContactDetails details) {
        ApiProblem problem = catchThrowableOfType(ApiProblem.class, details::normalised);
        assertThat(problem.messageKey()).isEqualTo("guardian.address.incomplete");
        return problem.field();
    }

    @Test
    void a_whole_address_or_none_at_all_is_kept() {
        assertThat(address("3 rue des Écoles", null, "66500", "Prades").normalised())
                .isEqualTo(address("3 rue des Écoles", null, "66500", "Prades"));
        assertThat(address(null, null, null, null).normalised()).isEqualTo(address(null, null, null, null));
        assertThat(address(" ", "", "  ", null).normalised()).isEqualTo(address(null, null, null, null));
    }

    @Test
    void half_an_address_names_the_first_part_missing() {
        assertThat(missingField(address(null, null, "66500", "Prades"))).isEqualTo("addressLine1");
        assertThat(missingField(address("3 rue des Écoles", null, null, "Prades"))).isEqualTo("postcode");
        assertThat(missingField(address("3 rue des Écoles", null, "66500", " "))).isEqualTo("city");
        assertThat(missingField(address(null, "Bâtiment B", null, null))).isEqualTo("addressLine1");
        assertThat(missingField(address(null, null, null, "Prades"))).isEqualTo("addressLine1");
    }

    @Test
    void values_are_trimmed_blanks_are_none_and_phones_are_in_e164() {
        ContactDetails typed = new ContactDetails("  claire.durand@example.test ", "06 12 34 56 78", "",
                "04.68.96.00.00", " 3 rue des Écoles ", "  ", "66500 ", " Prades");

        assertThat(typed.normalised()).isEqualTo(new ContactDetails("claire.durand@example.test", "+33612345678",
                null, "+33468960000", "3 rue des Écoles", null, "66500", "Prades"));
    }

    @Test
    void the_dossiers_contact_replaces_only_email_and_mobile() {
        ContactDetails details = new ContactDetails("a@example.test", "+33612345678", "+33468960000", null,
                "3 rue des Écoles", null, "66500", "Prades");

        assertThat(details.withEmailAndMobile("b@example.test", "+33699999999")).isEqualTo(new ContactDetails(
                "b@example.test", "+33699999999", "+33468960000", null, "3 rue des Écoles", null, "66500", "Prades"));
    }
}
