package fr.portailfamille.dossier.linking;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The family name typed at registration against the one on the dossier. */
class FamilyNamesTest {

    @Test
    void case_accents_spaces_apostrophes_and_dashes_do_not_matter() {
        assertThat(FamilyNames.same("durand", "DURAND")).isTrue();
        assertThat(FamilyNames.same("Leger", "LÉGER")).isTrue();
        assertThat(FamilyNames.same("le gall", "LE-GALL")).isTrue();
        assertThat(FamilyNames.same("dangelo", "D'ANGELO")).isTrue();
        assertThat(FamilyNames.same("D’Angelo", "D'ANGELO")).isTrue();
        assertThat(FamilyNames.same("Coeur", "CŒUR")).isTrue();
    }

    @Test
    void another_name_or_none_does_not_match() {
        assertThat(FamilyNames.same("Durant", "DURAND")).isFalse();
        assertThat(FamilyNames.same("Cour", "CŒUR")).isFalse();
        assertThat(FamilyNames.same("", "DURAND")).isFalse();
        assertThat(FamilyNames.same(null, "DURAND")).isFalse();
    }
}
