package fr.portailfamille.billing.directdebit.consent;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The one-time code that signs a mandate: 6 digits, 10 minutes, 5 tries, only its hash kept. */
class ConsentCodeTest {

    private static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");
    private static final String MANDATE = "mandat 4f1c…/texte v1";

    @Test
    void the_right_code_in_time_signs_and_cannot_sign_twice() {
        ConsentCode.Issued issued = ConsentCode.issue(MANDATE, NOW);

        assertThat(issued.code()).matches("[0-9]{6}");
        assertThat(issued.stored().hash()).doesNotContain(issued.code()).hasSize(64);
        assertThat(issued.toString()).doesNotContain(issued.code());
        ConsentCode.Attempt signed = issued.stored().check(MANDATE, issued.code().substring(0, 3) + " "
                + issued.code().substring(3), NOW.plusSeconds(599));
        assertThat(signed.outcome()).isEqualTo(ConsentCode.Outcome.SIGNED);
        assertThat(signed.after().check(MANDATE, issued.code(), NOW.plusSeconds(600)).outcome())
                .as("used once").isEqualTo(ConsentCode.Outcome.NEW_CODE_NEEDED);
    }

    @Test
    void after_ten_minutes_the_code_no_longer_signs() {
        ConsentCode.Issued issued = ConsentCode.issue(MANDATE, NOW);

        assertThat(issued.stored().check(MANDATE, issued.code(), NOW.plusSeconds(600)).outcome())
                .isEqualTo(ConsentCode.Outcome.NEW_CODE_NEEDED);
    }

    @Test
    void five_wrong_codes_and_even_the_right_one_is_refused() {
        ConsentCode.Issued issued = ConsentCode.issue(MANDATE, NOW);
        String wrong = issued.code().equals("000000") ? "111111" : "000000";
        ConsentCode code = issued.stored();
        for (int i = 1; i <= 4; i++) {
            ConsentCode.Attempt attempt = code.check(MANDATE, wrong, NOW);
            assertThat(attempt.outcome()).isEqualTo(ConsentCode.Outcome.WRONG);
            assertThat(attempt.after().triesLeft()).isEqualTo(5 - i);
            code = attempt.after();
        }
        ConsentCode.Attempt fifth = code.check(MANDATE, "abc", NOW);
        assertThat(fifth.outcome()).isEqualTo(ConsentCode.Outcome.NEW_CODE_NEEDED);
        assertThat(fifth.after().check(MANDATE, issued.code(), NOW).outcome()).isEqualTo(ConsentCode.Outcome.NEW_CODE_NEEDED);
    }

    @Test
    void a_code_signs_only_what_it_was_issued_for() {
        ConsentCode.Issued issued = ConsentCode.issue(MANDATE, NOW);

        assertThat(issued.stored().check("un autre mandat", issued.code(), NOW).outcome())
                .isEqualTo(ConsentCode.Outcome.WRONG);
    }

    @Test
    void codes_are_drawn_at_random() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            codes.add(ConsentCode.issue(MANDATE, NOW).code());
        }
        assertThat(codes).as("200 draws among a million codes").hasSizeGreaterThan(190);
    }
}
