package fr.portailfamille.billing.directdebit.bank;

import fr.portailfamille.platform.problem.ApiProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Year;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** IBAN, BIC, creditor identifier and RUM as a bank checks them (pure rules, no Spring). */
class BankValuesTest {

    /** The SWIFT IBAN registry's example for each country. */
    @ParameterizedTest
    @ValueSource(strings = {"FR1420041010050500013M02606", "DE89370400440532013000", "ES9121000418450200051332",
            "IT60X0542811101000000123456", "BE68539007547034"})
    void the_registry_examples_are_valid_ibans(String iban) {
        assertThat(Iban.parse("iban", iban).value()).isEqualTo(iban);
    }

    @Test
    void an_iban_typed_grouped_in_lower_case_is_kept_compact_and_shown_grouped_then_masked() {
        Iban iban = Iban.parse("iban", " fr76 3000 6000 0112-3456 7890 189 ");

        assertThat(iban.value()).isEqualTo("FR7630006000011234567890189");
        assertThat(iban.grouped()).isEqualTo("FR76 3000 6000 0112 3456 7890 189");
        assertThat(iban.masked()).isEqualTo("FR76 **** **** **** **** **** 189");
        assertThat(iban.toString()).as("never the full IBAN in a log").isEqualTo(iban.masked());
        assertThat(Iban.parse("iban", "DE89370400440532013000").masked()).isEqualTo("DE89 **** **** **** **** 00");
    }

    private static String refusal(Runnable parse) {
        try {
            parse.run();
        } catch (ApiProblem problem) {
            assertThat(problem.field()).isEqualTo("iban");
            return problem.messageKey();
        }
        throw new AssertionError("accepted");
    }

    @Test
    void a_wrong_checksum_a_wrong_length_an_unknown_country_are_told_apart() {
        assertThat(refusal(() -> Iban.parse("iban", "FR1420041010050500013M02607"))).isEqualTo("iban.check-digits");
        assertThat(refusal(() -> Iban.parse("iban", "FR14200410100505000013M02606"))).isEqualTo("iban.length");
        assertThat(refusal(() -> Iban.parse("iban", "FR142004101005050013M02606"))).isEqualTo("iban.length");
        assertThat(refusal(() -> Iban.parse("iban", "XX1420041010050500013M02606"))).isEqualTo("iban.country");
        assertThat(refusal(() -> Iban.parse("iban", "FR14A0041010050500013M02606"))).isEqualTo("iban.format");
        assertThat(refusal(() -> Iban.parse("iban", "   "))).isEqualTo("iban.required");
    }

    @Test
    void a_new_iban_is_at_the_same_bank_when_country_and_bank_code_match() {
        Iban societeGenerale = new Iban("FR9630003000300000000000012");
        Iban sameBankOtherAccount = new Iban("FR0430003000400000000000063");
        Iban laBanquePostale = new Iban("FR1420041010050500013M02606");
        Iban germanSameDigits = new Iban("DE89370400440532013000");

        assertThat(societeGenerale.sameBankAs(sameBankOtherAccount)).isTrue();
        assertThat(societeGenerale.sameBankAs(laBanquePostale)).isFalse();
        assertThat(laBanquePostale.sameBankAs(germanSameDigits)).isFalse();
    }

    @Test
    void a_bic_is_optional_and_checked_when_given() {
        assertThat(Bic.parseOptional("bic", "")).isNull();
        assertThat(Bic.parseOptional("bic", " bnpa frpp xxx").value()).isEqualTo("BNPAFRPPXXX");
        assertThat(Bic.parseOptional("bic", "BNPAFRPP").country()).isEqualTo("FR");
        assertThatThrownBy(() -> Bic.parseOptional("bic", "BNPAFRP")).isInstanceOf(ApiProblem.class)
                .satisfies(e -> assertThat(((ApiProblem) e).field()).isEqualTo("bic"));
    }

    @Test
    void the_creditor_identifier_is_checked_with_mod_97_leaving_out_the_business_code() {
        // The Deutsche Bundesbank's published test identifier, and a French one built by the same rule.
        assertThat(CreditorIdentifier.isValid("DE98ZZZ09999999999")).isTrue();
        String french = "FR" + CreditorIdentifier.checkDigits("FR", "123456") + "ZZZ123456";
        assertThat(CreditorIdentifier.isValid(french)).isTrue();
        assertThat(CreditorIdentifier.isValid(french.replace("ZZZ", "ABC")))
                .as("the business code is not in the check").isTrue();
        assertThat(CreditorIdentifier.isValid(french.replace("123456", "123457"))).isFalse();
        assertThat(CreditorIdentifier.isValid("FR00ZZZ123456")).isFalse();
        assertThat(CreditorIdentifier.isValid(french + "7")).as("a French national id has 6 characters").isFalse();
        assertThat(CreditorIdentifier.of("portal.billing.creditor.ics", french.toLowerCase()).value()).isEqualTo(french);
        assertThatThrownBy(() -> CreditorIdentifier.of("portal.billing.creditor.ics", "FR00ZZZ123456"))
                .hasMessageContaining("portal.billing.creditor.ics");
    }

    @Test
    void a_new_rum_follows_the_rulebook_and_is_never_the_same() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            MandateReference rum = MandateReference.next("RCC", Year.of(2026));
            assertThat(rum.value()).matches("RCC-2026-[0-9A-Z]{10}").hasSizeLessThanOrEqualTo(35);
            assertThat(seen.add(rum.value())).isTrue();
        }
        assertThatThrownBy(() -> MandateReference.next("rcc", Year.of(2026))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_typed_rum_keeps_to_the_allowed_characters() {
        assertThat(MandateReference.parse("rum", " RCC-2026-ABC/12 (1)").value()).isEqualTo("RCC-2026-ABC/12 (1)");
        for (String wrong : new String[]{"", "/RCC-1", "RCC-1/", "RCC//1", "rcc-1", "RCC_1", "RCC-1é",
                "R".repeat(36)}) {
            assertThatThrownBy(() -> MandateReference.parse("rum", wrong)).as(wrong).isInstanceOf(ApiProblem.class);
        }
    }
}
