package fr.portailfamille.billing.payment.systempay;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PaymentOutcomeTest {

    @ParameterizedTest
    @CsvSource({
            "AUTHORISED, PAID",
            "CAPTURED, PAID",
            "ACCEPTED, PAID",
            "REFUSED, REFUSED",
            "ABANDONED, ABANDONED",
            "CANCELLED, ABANDONED",
            "EXPIRED, ABANDONED",
            "AUTHORISED_TO_VALIDATE, PENDING",
            "WAITING_AUTHORISATION, PENDING",
            "UNDER_VERIFICATION, PENDING",
            "SOMETHING_NEW, PENDING",
            "captured, PENDING",
    })
    void the_bank_status_decides_the_outcome(String status, PaymentOutcome outcome) {
        assertThat(PaymentOutcome.ofTransStatus(status)).isEqualTo(outcome);
        assertThat(outcome.isFinal()).isEqualTo(outcome != PaymentOutcome.PENDING);
    }
}
