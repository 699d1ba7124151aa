package fr.portailfamille.billing.directdebit.file;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SepaTextTest {

    @Test
    void accents_are_transliterated_and_ligatures_spelled_out() {
        assertThat(SepaText.latin("Zoé Lefèvre-Çağlar", 70)).isEqualTo("Zoe Lefevre-Caglar");
        assertThat(SepaText.latin("Œuvre des cœurs, Æsa, ŒUVRE", 70)).isEqualTo("Oeuvre des coeurs, Aesa, OEUVRE");
        assertThat(SepaText.latin("Straße Øresund Łódź ñandú", 70)).isEqualTo("Strasse Oresund Lodz nandu");
        assertThat(SepaText.latin("L’école d’Anaïs", 70)).isEqualTo("L'ecole d'Anais");
        assertThat(SepaText.latin("Dupont & Fils", 70)).isEqualTo("Dupont + Fils");
    }

    @Test
    void what_has_no_latin_form_becomes_a_space_and_spaces_are_collapsed() {
        assertThat(SepaText.latin("Facture n° 2026-000123 « cantine » — septembre !", 140))
                .isEqualTo("Facture n 2026-000123 cantine - septembre");
        assertThat(SepaText.latin("  Jean\t\nDupont\u00a0 ", 70)).isEqualTo("Jean Dupont");
        assertThat(SepaText.latin("王小明 <Li> \"x\" @ # € ; = *", 70)).isEqualTo("Li x");
        assertThat(SepaText.latin("Allowed: a-z A-Z 0-9 / - ? : ( ) . , ' +", 70))
                .isEqualTo("Allowed: a-z A-Z 0-9 / - ? : ( ) . , ' +");
    }

    @Test
    void texts_are_cut_to_the_schema_length_after_transliteration() {
        assertThat(SepaText.latin("œ".repeat(70), SepaText.NAME_MAX)).hasSize(70).isEqualTo("oe".repeat(35));
        assertThat(SepaText.latin("é".repeat(200), SepaText.REMITTANCE_MAX)).hasSize(140);
        assertThat(SepaText.latin("a".repeat(69) + " b", SepaText.NAME_MAX)).isEqualTo("a".repeat(69));
    }

    @Test
    void a_required_text_with_nothing_left_is_refused() {
        assertThat(SepaText.latin(null, 70)).isEmpty();
        assertThatThrownBy(() -> SepaText.requireLatin("The debtor's name", "王小明", 70))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("The debtor's name");
    }

    @Test
    void identifiers_are_checked_never_rewritten() {
        assertThat(SepaText.requireIdentifier("id", "PF-2026-7K3M9XQ2TB")).isEqualTo("PF-2026-7K3M9XQ2TB");
        assertThat(SepaText.isIdentifier("A/B 1+2 (x)?:.,'")).isTrue();
        assertThat(SepaText.isIdentifier("Écolé")).isFalse();
        assertThat(SepaText.isIdentifier("A".repeat(36))).isFalse();
        assertThat(SepaText.isIdentifier("/A")).isFalse();
        assertThat(SepaText.isIdentifier("A/")).isFalse();
        assertThat(SepaText.isIdentifier("A//B")).isFalse();
        assertThat(SepaText.isIdentifier(" ")).isFalse();
        assertThat(SepaText.isIdentifier("")).isFalse();
        assertThatThrownBy(() -> SepaText.requireIdentifier("The end-to-end id", "facture_12"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("The end-to-end id");
    }
}
