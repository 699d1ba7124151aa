package fr.portailfamille.billing.invoice;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceStatusTest {

    @Test
    void french_labels_as_families_read_them() {
        assertThat(Arrays.stream(InvoiceStatus.values()).map(InvoiceStatus::label))
                .containsExactly("À payer", "Paiement en cours", "Payée", "Prélèvement prévu", "Annulée");
    }

    @Test
    void only_an_invoice_to_pay_can_be_chosen_for_an_online_payment() {
        assertThat(Arrays.stream(InvoiceStatus.values()).filter(InvoiceStatus::isPayable))
                .containsExactly(InvoiceStatus.TO_PAY);
    }

    @Test
    void paid_and_cancelled_invoices_are_the_previous_ones() {
        assertThat(Arrays.stream(InvoiceStatus.values()).filter(InvoiceStatus::isSettled))
                .containsExactly(InvoiceStatus.PAID, InvoiceStatus.CANCELLED);
    }
}
