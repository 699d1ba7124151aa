package fr.portailfamille.platform.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextsTest {

    @Test
    void folding_removes_accents_and_spells_out_ligatures() {
        assertThat(Texts.foldAccents("Hélène")).isEqualTo("helene");
        assertThat(Texts.foldAccents("CŒUR")).isEqualTo("coeur");
        assertThat(Texts.foldAccents("Lætitia")).isEqualTo("laetitia");
        assertThat(Texts.foldAccents("Ça")).isEqualTo("ca");
        assertThat(Texts.foldAccents(null)).isNull();
    }

    @Test
    void the_sql_fold_maps_each_accented_letter_to_its_plain_one() {
        assertThat(Texts.SQL_ACCENTED).hasSameSizeAs(Texts.SQL_PLAIN);
        for (int i = 0; i < Texts.SQL_ACCENTED.length(); i++) {
            String accented = String.valueOf(Texts.SQL_ACCENTED.charAt(i));
            assertThat(Texts.foldAccents(accented)).as(accented)
                    .isEqualTo(String.valueOf(Texts.SQL_PLAIN.charAt(i)).toLowerCase());
        }
        assertThat(Texts.sqlFoldAccents("d.family_name")).contains("'œ', 'oe'").startsWith("lower(");
    }

    @Test
    void blank_values_become_null_and_others_are_trimmed() {
        assertThat(Texts.blankToNull(null)).isNull();
        assertThat(Texts.blankToNull("   ")).isNull();
        assertThat(Texts.blankToNull(" Prades ")).isEqualTo("Prades");
    }

    @Test
    void sha256_hex_of_known_input() {
        assertThat(Sha256.hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
