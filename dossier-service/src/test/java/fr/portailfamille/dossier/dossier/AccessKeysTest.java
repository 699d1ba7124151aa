package fr.portailfamille.dossier.dossier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The access key printed on invoices: 8 characters without look-alikes, typed back however the family types it. */
class AccessKeysTest {

    private final AccessKeys keys = new AccessKeys();

    @Test
    void a_key_is_8_characters_without_look_alikes() {
        for (int i = 0; i < 200; i++) {
            assertThat(keys.generate()).matches("[A-HJKMNP-Z2-9]{8}").doesNotContainPattern("[01OIL]");
        }
    }

    @Test
    void spaces_dashes_and_case_do_not_matter() {
        assertThat(AccessKeys.normalise("abcd-efgh")).isEqualTo("ABCDEFGH");
        assertThat(AccessKeys.normalise(" AB CD EF GH ")).isEqualTo("ABCDEFGH");
        assertThat(AccessKeys.normalise("ab\tcd-ef gh")).isEqualTo("ABCDEFGH");
    }

    @Test
    void the_key_matches_its_hash_as_typed_from_the_invoice_and_nothing_else_does() {
        String hash = keys.hash("K7QM-P2XR");

        assertThat(hash).doesNotContain("K7QM");
        assertThat(keys.matches("k7qm p2xr", hash)).isTrue();
        assertThat(keys.matches("K7QMP2XR", hash)).isTrue();
        assertThat(keys.matches("K7QMP2XS", hash)).isFalse();
        assertThat(keys.matches(null, hash)).isFalse();
        assertThat(keys.matches("K7QMP2XR", null)).isFalse();
    }
}
