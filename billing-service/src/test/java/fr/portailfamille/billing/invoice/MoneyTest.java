package fr.portailfamille.billing.invoice;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void sums_have_scale_two() {
        assertThat(Money.sum(List.of(d("44.00"), d("7.5")))).isEqualTo(d("51.50"));
        assertThat(Money.sum(List.of()).toPlainString()).isEqualTo("0.00");
    }

    @Test
    void an_amount_with_a_fraction_of_a_cent_is_refused_not_rounded() {
        assertThat(Money.euros(d("7.5"))).isEqualTo(d("7.50"));
        assertThat(Money.euros(d("7.500"))).isEqualTo(d("7.50"));
        assertThatThrownBy(() -> Money.euros(d("1.005"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cents_for_the_bank_and_back() {
        assertThat(Money.toCents(d("51.50"))).isEqualTo(5150);
        assertThat(Money.toCents(d("0.01"))).isEqualTo(1);
        assertThat(Money.fromCents(5124)).isEqualTo(d("51.24"));
        assertThat(Money.fromCents(5124).scale()).isEqualTo(2);
        assertThatThrownBy(() -> Money.toCents(d("0.001"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decimals_that_carry_a_value() {
        assertThat(Money.decimals(d("4.40"))).isEqualTo(1);
        assertThat(Money.decimals(d("10.00"))).isZero();
        assertThat(Money.decimals(d("100"))).isZero();
        assertThat(Money.decimals(d("1E+2"))).isZero();
        assertThat(Money.decimals(d("0.3333"))).isEqualTo(4);
    }

    @Test
    void french_writing_for_people() {
        assertThat(Money.french(d("51.5"))).isEqualTo("51,50");
        assertThat(Money.french(d("1234"))).isEqualTo("1234,00");
        assertThat(Money.french(d("0.3333"))).isEqualTo("0,3333");
        assertThat(Money.french(d("4.4000"))).isEqualTo("4,40");
        assertThat(Money.french(d("-2"))).isEqualTo("-2,00");
    }
}
