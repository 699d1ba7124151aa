package fr.portailfamille.billing.invoice;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a family reads of an invoice under direct debit: « Prélèvement prévu le … » and no online payment. */
class InvoiceStandingTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    private static Invoice dueOn(LocalDate due) {
        InvoiceLine line = InvoiceLine.of("DURAND Marie", "Repas Enfants", new BigDecimal("4.40"), new BigDecimal("10.00"));
        return new Invoice(new NewInvoice("2026-000123", "6000", "Novembre 2026", LocalDate.of(2026, 11, 30), due,
                List.of(line), new BigDecimal("44.00")), "Famille DURAND", "durand@example.test");
    }

    @Test
    void without_mandate_an_unpaid_invoice_is_to_pay_online() {
        InvoiceStanding standing = InvoiceStanding.of(dueOn(LocalDate.of(2026, 12, 15)), false, false, TODAY);

        assertThat(standing).isEqualTo(new InvoiceStanding("À payer", null, true));
    }

    @Test
    void under_mandate_it_is_debited_on_its_due_date_or_by_the_next_file_once_that_date_has_passed() {
        InvoiceStanding ahead = InvoiceStanding.of(dueOn(LocalDate.of(2026, 12, 15)), true, false, TODAY);
        InvoiceStanding overdue = InvoiceStanding.of(dueOn(LocalDate.of(2026, 11, 30)), true, false, TODAY);

        assertThat(ahead).isEqualTo(new InvoiceStanding("Prélèvement prévu le 15/12/2026", LocalDate.of(2026, 12, 15), false));
        assertThat(overdue.statusLabel()).isEqualTo("Prélèvement prévu le 03/12/2026");
        assertThat(InvoiceStanding.of(dueOn(LocalDate.of(2026, 12, 15)), true, true, TODAY).payable())
                .as("the authority allows paying online before the debit").isTrue();
    }

    @Test
    void in_a_file_it_shows_the_files_day_and_after_a_rejection_it_is_paid_online() {
        Invoice invoice = dueOn(LocalDate.of(2026, 12, 15));
        invoice.scheduleDebit(LocalDate.of(2026, 12, 20));
        assertThat(InvoiceStanding.of(invoice, false, true, TODAY))
                .as("whatever the mandate is now: the bank has the file")
                .isEqualTo(new InvoiceStanding("Prélèvement prévu le 20/12/2026", LocalDate.of(2026, 12, 20), false));

        invoice.reopenAfterRejectedDebit();
        assertThat(InvoiceStanding.of(invoice, true, false, TODAY)).isEqualTo(new InvoiceStanding("À payer", null, true));
    }
}
