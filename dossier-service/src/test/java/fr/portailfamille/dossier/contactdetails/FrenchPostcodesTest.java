package fr.portailfamille.dossier.contactdetails;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** French postcodes: five digits whose department exists. */
class FrenchPostcodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"01000", "06000", "10000", "66500", "75001", "95000",
            "20000", "20090", "20200", "20600",    // Corsica: numeric postcodes starting with 20
            "97100", "97400", "97600",            // Guadeloupe, La Réunion, Mayotte
            "98000", "98800", " 66500 "})         // Monaco, Nouméa; spaces around ignored
    void existing_departments_are_accepted(String postcode) {
        assertThat(FrenchPostcodes.isValid(postcode)).as(postcode).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"00100", "96000", "99000",   // no such departments
            "2A000", "2B200",                             // department codes, not postcodes
            "6650", "665000", "66 500", "6650A", ""})
    void anything_else_is_refused(String postcode) {
        assertThat(FrenchPostcodes.isValid(postcode)).as(postcode).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void the_form_constraint_takes_empty_as_none(String postcode) {
        assertThat(new FrenchPostcode.Validator().isValid(postcode, null)).isTrue();
        assertThat(new FrenchPostcode.Validator().isValid(null, null)).isTrue();
        assertThat(new FrenchPostcode.Validator().isValid("99000", null)).isFalse();
    }
}
