package fr.portailfamille.billing.invoice.imports;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImportMessagesTest {

    @Test
    void every_rule_has_its_french_text_without_a_straight_apostrophe() {
        for (String code : ImportMessages.CODES) {
            assertThat(ImportMessages.raw(code)).as(code).isNotBlank().doesNotContain("'");
        }
    }

    @Test
    void every_column_has_a_french_label() {
        for (ImportField field : ImportField.values()) {
            assertThat(field.label()).isNotBlank();
            assertThat(field.column()).matches("[a-z_]+");
        }
    }
}
