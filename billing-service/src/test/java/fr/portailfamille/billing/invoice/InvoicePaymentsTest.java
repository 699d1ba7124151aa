package fr.portailfamille.billing.invoice;

import fr.portailfamille.testsupport.PortalServiceTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract the payment package codes against: reserve, settle, release, on locked rows. */
@PortalServiceTest
class InvoicePaymentsTest extends BillingApiSupport {

    private static final Instant PAID_AT = Instant.parse("2026-10-06T08:30:00Z");

    @Autowired
    InvoicePayments payments;

    private String status(UUID id) {
        return jdbc.sql("select status from invoice where id = ?").param(id).query(String.class).single();
    }

    private String number(UUID id) {
        return jdbc.sql("select number from invoice where id = ?").param(id).query(String.class).single();
    }

    @Test
    void reserving_holds_the_invoices_for_the_payment_and_settling_pays_them() {
        UUID first = issued("6000");
        UUID second = issued("6000");
        UUID payment = UUID.randomUUID();

        List<PayableInvoice> reserved = payments.reserve("6000", List.of(second, first, second), payment);

        assertThat(reserved).extracting(PayableInvoice::id).containsExactly(second, first);
        PayableInvoice one = reserved.get(1);
        assertThat(one.number()).isEqualTo(number(first));
        assertThat(one.period()).isEqualTo("Septembre 2026");
        assertThat(one.total()).isEqualByComparingTo("51.50");
        assertThat(one.dossierNumber()).isEqualTo("6000");
        assertThat(one.familyName()).isEqualTo("Famille DURAND");
        assertThat(one.email()).isEqualTo("durand.6000@example.test");
        assertThat(status(first)).isEqualTo("PAYMENT_IN_PROGRESS");

        List<PayableInvoice> settled = payments.settle(payment, PAID_AT, "CARTE", "000042");

        assertThat(settled).extracting(PayableInvoice::id).containsExactlyInAnyOrder(first, second);
        assertThat(status(first)).isEqualTo("PAID");
        assertThat(jdbc.sql("select payment_reference from invoice where id = ?").param(first).query(String.class).single())
                .isEqualTo("000042");
        assertThat(payments.settle(payment, PAID_AT, "CARTE", "000042")).as("a replayed notification").isEmpty();
        assertThat(payments.release(payment)).as("a late failure never reopens a paid invoice").isEmpty();
        assertThat(status(first)).isEqualTo("PAID");
    }

    @Test
    void another_dossiers_or_unknown_invoice_is_not_found_and_nothing_is_reserved() {
        UUID mine = issued("6000");
        UUID theirs = issued("6002");

        assertThatThrownBy(() -> payments.reserve("6000", List.of(mine, theirs), UUID.randomUUID()))
                .isInstanceOf(InvoiceNotFoundException.class);
        assertThatThrownBy(() -> payments.reserve("6000", List.of(mine, UUID.randomUUID()), UUID.randomUUID()))
                .isInstanceOf(InvoiceNotFoundException.class);
        assertThatThrownBy(() -> payments.reserve("6000", List.of(), UUID.randomUUID()))
                .isInstanceOf(InvoiceNotFoundException.class);
        assertThat(status(mine)).isEqualTo("TO_PAY");
        assertThat(status(theirs)).isEqualTo("TO_PAY");
    }

    @Test
    void an_invoice_not_to_pay_is_refused_with_the_reason_and_nothing_is_reserved() {
        UUID free = issued("6000");
        UUID held = issued("6000");
        payments.reserve("6000", List.of(held), UUID.randomUUID());

        assertThatThrownBy(() -> payments.reserve("6000", List.of(free, held), UUID.randomUUID()))
                .isInstanceOfSatisfying(InvoiceNotPayableException.class, e -> {
                    assertThat(e.invoiceNumber()).isEqualTo(number(held));
                    assertThat(e.invoiceStatus()).isEqualTo(InvoiceStatus.PAYMENT_IN_PROGRESS);
                    assertThat(e.status().value()).isEqualTo(409);
                    assertThat(e.messageKey()).isEqualTo("invoice.not-payable.PAYMENT_IN_PROGRESS");
                });
        assertThat(status(free)).as("all or nothing").isEqualTo("TO_PAY");
    }

    @Test
    void the_reasons_are_french_for_each_status() {
        UUID paid = issued("6000");
        UUID payment = UUID.randomUUID();
        payments.reserve("6000", List.of(paid), payment);
        payments.settle(payment, PAID_AT, "CARTE", "1");
        UUID cancelled = issued("6000");
        api().post("/api/billing/invoices/" + cancelled + "/cancellation", agent(), "{\"reason\":\"Erreur.\"}");

        // Through the payment API's problem handling: the messages as a family reads them.
        fr.portailfamille.platform.problem.Problems problems = problems();
        assertThat(problems.message("invoice.not-payable.PAID", "2026-000123")).isEqualTo("La facture 2026-000123 est déjà payée.");
        assertThat(problems.message("invoice.not-payable.PAYMENT_IN_PROGRESS", "2026-000123"))
                .isEqualTo("La facture 2026-000123 a un paiement en cours.");
        assertThat(problems.message("invoice.not-payable.CANCELLED", "2026-000123")).isEqualTo("La facture 2026-000123 est annulée.");
        assertThat(problems.message("invoice.not-payable.DIRECT_DEBIT_SCHEDULED", "2026-000123"))
                .startsWith("La facture 2026-000123 sera prélevée");
        assertThatThrownBy(() -> payments.reserve("6000", List.of(paid), UUID.randomUUID()))
                .isInstanceOfSatisfying(InvoiceNotPayableException.class,
                        e -> assertThat(e.invoiceStatus()).isEqualTo(InvoiceStatus.PAID));
        assertThatThrownBy(() -> payments.reserve("6000", List.of(cancelled), UUID.randomUUID()))
                .isInstanceOfSatisfying(InvoiceNotPayableException.class,
                        e -> assertThat(e.invoiceStatus()).isEqualTo(InvoiceStatus.CANCELLED));
    }

    @Autowired
    org.springframework.context.ApplicationContext context;

    private fr.portailfamille.platform.problem.Problems problems() {
        return context.getBean(fr.portailfamille.platform.problem.Problems.class);
    }

    @Test
    void released_invoices_are_payable_again_and_a_late_notification_still_settles_them() {
        UUID id = issued("6000");
        UUID abandoned = UUID.randomUUID();
        payments.reserve("6000", List.of(id), abandoned);

        assertThat(payments.release(abandoned)).extracting(PayableInvoice::id).containsExactly(id);
        assertThat(status(id)).isEqualTo("TO_PAY");
        assertThat(payments.settle(abandoned, PAID_AT, "CARTE", "7")).extracting(PayableInvoice::id).containsExactly(id);
        assertThat(status(id)).isEqualTo("PAID");
    }

    @Test
    void a_late_notification_of_a_released_payment_never_touches_an_invoice_another_payment_holds() {
        UUID id = issued("6000");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        payments.reserve("6000", List.of(id), first);
        payments.release(first);
        payments.reserve("6000", List.of(id), second);

        assertThat(payments.settle(first, PAID_AT, "CARTE", "8")).isEmpty();
        assertThat(status(id)).isEqualTo("PAYMENT_IN_PROGRESS");
        assertThat(payments.settle(second, PAID_AT, "CARTE", "9")).extracting(PayableInvoice::id).containsExactly(id);
    }

    @Test
    void two_tabs_reserving_the_same_invoices_at_once_one_payment_wins() throws Exception {
        UUID a = issued("6000");
        UUID b = issued("6000");
        int tabs = 6;
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < tabs; i++) {
            List<UUID> order = new ArrayList<>(List.of(a, b));
            if (i % 2 == 1) {
                Collections.reverse(order);
            }
            results.add(pool.submit(() -> {
                start.await();
                try {
                    payments.reserve("6000", order, UUID.randomUUID());
                    return "reserved";
                } catch (InvoiceNotPayableException e) {
                    return "409";
                }
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();

        assertThat(outcomes).filteredOn("reserved"::equals).hasSize(1);
        assertThat(outcomes).filteredOn("409"::equals).hasSize(tabs - 1);
        assertThat(jdbc.sql("select count(distinct payment_id) from invoice where id in (?, ?)").params(a, b)
                .query(Long.class).single()).isEqualTo(1);
    }
}
