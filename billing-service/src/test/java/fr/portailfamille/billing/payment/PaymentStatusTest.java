package fr.portailfamille.billing.payment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static fr.portailfamille.billing.payment.PaymentStatus.Transition.FAIL;
import static fr.portailfamille.billing.payment.PaymentStatus.Transition.NONE;
import static fr.portailfamille.billing.payment.PaymentStatus.Transition.SETTLE;
import static fr.portailfamille.billing.payment.PaymentStatus.Transition.SETTLE_LATE;
import static org.assertj.core.api.Assertions.assertThat;

/** The payment's state machine: the first final answer decides; paid is never reopened. */
class PaymentStatusTest {

    @Test
    void inProgressEndsWithTheFirstFinalAnswer() {
        assertThat(PaymentStatus.IN_PROGRESS.on(BankOutcome.PAID)).isEqualTo(SETTLE);
        assertThat(PaymentStatus.IN_PROGRESS.on(BankOutcome.REFUSED)).isEqualTo(FAIL);
        assertThat(PaymentStatus.IN_PROGRESS.on(BankOutcome.ABANDONED)).isEqualTo(FAIL);
        assertThat(PaymentStatus.IN_PROGRESS.on(BankOutcome.EXPIRED)).isEqualTo(FAIL);
        assertThat(PaymentStatus.IN_PROGRESS.on(BankOutcome.PENDING)).isEqualTo(NONE);
    }

    @ParameterizedTest
    @EnumSource(BankOutcome.class)
    void paidIsNeverReopenedNorPaidTwice(BankOutcome outcome) {
        assertThat(PaymentStatus.PAID.on(outcome)).isEqualTo(NONE);
    }

    @ParameterizedTest
    @EnumSource(value = PaymentStatus.class, names = {"REFUSED", "ABANDONED"})
    void aFailedPaymentOnlyMovesWhenTheBankSaysPaidAfterAll(PaymentStatus failed) {
        assertThat(failed.on(BankOutcome.PAID)).isEqualTo(SETTLE_LATE);
        assertThat(failed.on(BankOutcome.REFUSED)).isEqualTo(NONE);
        assertThat(failed.on(BankOutcome.ABANDONED)).isEqualTo(NONE);
        assertThat(failed.on(BankOutcome.EXPIRED)).isEqualTo(NONE);
        assertThat(failed.on(BankOutcome.PENDING)).isEqualTo(NONE);
    }

    @Test
    void outcomesGiveStatusesAndFrenchLabels() {
        assertThat(PaymentStatus.of(BankOutcome.PAID)).isEqualTo(PaymentStatus.PAID);
        assertThat(PaymentStatus.of(BankOutcome.REFUSED)).isEqualTo(PaymentStatus.REFUSED);
        assertThat(PaymentStatus.of(BankOutcome.ABANDONED)).isEqualTo(PaymentStatus.ABANDONED);
        assertThat(PaymentStatus.of(BankOutcome.EXPIRED)).isEqualTo(PaymentStatus.ABANDONED);
        assertThat(PaymentStatus.of(BankOutcome.PENDING)).isNull();
        assertThat(PaymentStatus.IN_PROGRESS.label()).isEqualTo("Paiement en cours");
        assertThat(PaymentStatus.PAID.label()).isEqualTo("Paiement accepté");
        assertThat(PaymentStatus.REFUSED.label()).isEqualTo("Paiement refusé");
        assertThat(PaymentStatus.ABANDONED.label()).isEqualTo("Paiement abandonné");
        assertThat(PaymentStatus.REFUSED.nextStep()).contains("de nouveau à payer");
        assertThat(PaymentSettlement.failureLabel(BankOutcome.EXPIRED)).isEqualTo("Paiement non abouti");
    }
}
