package fr.portailfamille.billing.directdebit.file;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Pain008RecordsTest {

    private static DirectDebit debit(BigDecimal amount) {
        return new DirectDebit("E1", amount, "RUM-1", LocalDate.of(2026, 1, 1), SequenceType.RCUR, "Jean Dupont",
                "FR1420041010050500013M02606", null, null, null);
    }

    @Test
    void amounts_are_kept_to_the_cent_and_more_than_zero() {
        assertThat(debit(new BigDecimal("12.5")).amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(debit(new BigDecimal("12.500")).amount()).isEqualTo(new BigDecimal("12.50"));
        assertThat(debit(new BigDecimal("999999999.99")).amount()).isEqualByComparingTo("999999999.99");
        for (String wrong : List.of("12.505", "0", "0.00", "-1.00", "1000000000.00")) {
            assertThatThrownBy(() -> debit(new BigDecimal(wrong))).as(wrong).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> debit(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ibans_and_bics_are_compacted_and_shaped() {
        DirectDebit debit = new DirectDebit("E1", BigDecimal.ONE, "RUM-1", LocalDate.of(2026, 1, 1), SequenceType.FRST,
                "Jean Dupont", "fr76 3000 6000 0112 3456 7890 189", "agrifrpp xxx", null, "  ");
        assertThat(debit.debtorIban()).isEqualTo("FR7630006000011234567890189");
        assertThat(debit.debtorBic()).isEqualTo("AGRIFRPPXXX");
        assertThat(debit.remittanceInformation()).isNull();
        assertThatThrownBy(() -> new Creditor("Mairie", "FR72ZZZ123456", "not an iban"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("creditor's IBAN");
        assertThatThrownBy(() -> new Creditor("Mairie", "FR72ZZZ123456", "FR7630006000011234567890189", "AGRI"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("BIC");
        assertThatThrownBy(() -> new Creditor("Mairie", "123456", "FR7630006000011234567890189"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ICS");
        assertThat(new Creditor("Mairie", "FR72ZZZ123456", "FR7630006000011234567890189").bic()).isNull();
    }

    @Test
    void a_file_has_debits_and_a_sepa_message_id() {
        assertThatThrownBy(() -> new DirectDebitFile("MSG-1", Pain008Fixtures.CREATED_AT, Pain008Fixtures.COLLECTION_DATE,
                Pain008Fixtures.CREDITOR, List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DirectDebitFile("MSG_1", Pain008Fixtures.CREATED_AT, Pain008Fixtures.COLLECTION_DATE,
                Pain008Fixtures.CREDITOR, List.of(debit(BigDecimal.ONE)))).hasMessageContaining("message id");
        DirectDebitFile file = new DirectDebitFile("MSG-1", Pain008Fixtures.CREATED_AT, Pain008Fixtures.COLLECTION_DATE,
                Pain008Fixtures.CREDITOR, List.of(debit(BigDecimal.ONE)));
        assertThat(file.version()).isEqualTo(Pain008Version.V02);
        assertThat(file.withVersion(Pain008Version.V08).version()).isEqualTo(Pain008Version.V08);
    }
}
