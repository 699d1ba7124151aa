package fr.portailfamille.billing.invoice;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceLineTest {

    private static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    @Test
    void the_seed_invoice_totals_its_two_lines() {
        InvoiceLine meals = InvoiceLine.of("DURAND Marie", "Repas Enfants", d("4.40"), d("10.00"));
        InvoiceLine workshop = InvoiceLine.of("DURAND Marie", "Atelier 3D", d("0.75"), d("10.00"));

        assertThat(meals.amount()).isEqualTo(d("44.00"));
        assertThat(workshop.amount()).isEqualTo(d("7.50"));
        assertThat(meals.label()).isEqualTo("DURAND Marie – Repas Enfants");

        NewInvoice invoice = NewInvoice.of("2026-000123", "6000", "Septembre 2026", LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 31), List.of(meals, workshop));
        assertThat(invoice.total()).isEqualTo(d("51.50"));
        assertThat(invoice.total().scale()).isEqualTo(2);
    }

    @Test
    void each_line_is_rounded_half_up_to_the_cent() {
        assertThat(Money.lineAmount(d("0.3333"), d("3"))).isEqualTo(d("1.00"));
        assertThat(Money.lineAmount(d("1.005"), d("1"))).isEqualTo(d("1.01"));
        assertThat(Money.lineAmount(d("1.0049"), d("1"))).isEqualTo(d("1.00"));
        assertThat(Money.lineAmount(d("0.125"), d("1.00"))).isEqualTo(d("0.13"));
        assertThat(Money.lineAmount(d("2.3456"), d("1.50"))).isEqualTo(d("3.52")); // 3.5184
        assertThat(Money.lineAmount(d("0.0050"), d("1"))).isEqualTo(d("0.01"));
    }

    @Test
    void the_total_is_the_sum_of_the_rounded_lines_not_the_rounded_sum() {
        // 3 × (0.3333 × 1) = 3 × 0.33 = 0.99, while 0.9999 rounded once would be 1.00.
        InvoiceLine third = InvoiceLine.of("DURAND Marie", "Garderie", d("0.3333"), d("1"));
        NewInvoice invoice = NewInvoice.of("2026-000124", "6000", "Octobre 2026", LocalDate.of(2026, 11, 5),
                LocalDate.of(2026, 11, 30), List.of(third, third, third));
        assertThat(invoice.total()).isEqualTo(d("0.99"));
    }

    @Test
    void values_keep_their_scale_amounts_and_quantities_two_the_tarif_at_least_two() {
        InvoiceLine line = InvoiceLine.of(null, "Frais de dossier", d("4.4"), d("10"));
        assertThat(line.unitPrice()).isEqualTo(d("4.40"));
        assertThat(line.quantity()).isEqualTo(d("10.00"));
        assertThat(line.amount()).isEqualTo(d("44.00"));
        assertThat(line.label()).isEqualTo("Frais de dossier");

        InvoiceLine precise = InvoiceLine.of("DURAND Marie", "Garderie", d("0.3333"), d("3"));
        assertThat(precise.unitPrice()).isEqualTo(d("0.3333"));
        assertThat(precise.unitPrice().scale()).isEqualTo(4);
        assertThat(precise.amount().scale()).isEqualTo(2);
        assertThat(InvoiceLine.of(null, "Garderie", d("1.50000"), d("2.000")).unitPrice()).isEqualTo(d("1.50"));
    }

    @Test
    void a_line_refuses_what_the_rules_forbid() {
        assertThatThrownBy(() -> InvoiceLine.of("X", "Repas", d("0.33333"), d("1")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 decimals");
        assertThatThrownBy(() -> InvoiceLine.of("X", "Repas", d("1"), d("1.005")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 decimals");
        assertThatThrownBy(() -> InvoiceLine.of("X", "Repas", d("1"), d("0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above zero");
        assertThatThrownBy(() -> InvoiceLine.of("X", "Repas", d("1"), d("-2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("above zero");
        assertThatThrownBy(() -> InvoiceLine.of("X", "Repas", d("-1"), d("2")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not negative");
        assertThatThrownBy(() -> InvoiceLine.of("X", " ", d("1"), d("2")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceLine("X", "Repas", d("4.40"), d("10"), d("44.01")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("44.00");
    }

    @Test
    void an_invoice_refuses_a_wrong_total_an_early_due_date_and_no_line() {
        InvoiceLine meals = InvoiceLine.of("DURAND Marie", "Repas Enfants", d("4.40"), d("10.00"));
        LocalDate issued = LocalDate.of(2026, 10, 5);
        assertThatThrownBy(() -> new NewInvoice("1", "6000", "Septembre 2026", issued, issued.plusDays(20),
                List.of(meals), d("44.01"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NewInvoice.of("1", "6000", "Septembre 2026", issued, issued.minusDays(1),
                List.of(meals))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("before");
        assertThatThrownBy(() -> NewInvoice.of("1", "6000", "Septembre 2026", issued, issued, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no line");
        assertThat(NewInvoice.of("1", "6000", "Septembre 2026", issued, issued, List.of(meals)).dueDate())
                .isEqualTo(issued);
    }
}
