package fr.portailfamille.dossier.contactdetails;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Phone numbers as French families type them, stored in E.164. */
class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource({
            "06 12 34 56 78,      +33612345678",
            "0612345678,          +33612345678",
            "04.68.96.00.00,      +33468960000",
            "04-68-96-00-00,      +33468960000",
            "+33 6 12 34 56 78,   +33612345678",
            "0033 6 12 34 56 78,  +33612345678",
            "+44 20 7946 0958,    +442079460958",
            "+32 2 555 12 12,     +3225551212"})
    void typed_numbers_become_e164(String typed, String e164) {
        assertThat(PhoneNumbers.toE164(typed)).hasValue(e164);
        assertThat(PhoneNumbers.normalise(typed)).isEqualTo(e164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "06 12 34", "06 12 34 56 78 90", "bonjour", "+33 1"})
    void what_is_not_a_phone_number_is_refused(String typed) {
        assertThat(PhoneNumbers.toE164(typed)).isEmpty();
        assertThat(new PhoneNumber.Validator().isValid(typed, null)).isFalse();
        assertThatThrownBy(() -> PhoneNumbers.normalise(typed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void no_number_is_none() {
        assertThat(PhoneNumbers.normalise(null)).isNull();
        assertThat(PhoneNumbers.normalise("  ")).isNull();
        assertThat(new PhoneNumber.Validator().isValid("", null)).isTrue();
    }
}
