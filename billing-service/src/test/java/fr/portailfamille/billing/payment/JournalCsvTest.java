package fr.portailfamille.billing.payment;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV the treasury opens: BOM, ;, decimal comma, French headers, Paris times, total of the day. */
class JournalCsvTest {

    private static Payment payment(String family, List<PaymentInvoice> invoices, String amount, Instant created,
                                   BankOutcome outcome, Instant settled) {
        Payment payment = new Payment(UUID.randomUUID(), "6000", family, "claire.durand@example.fr",
                Provider.SYSTEMPAY, new BigDecimal(amount), "order", new StartedPayment("12345678", "TEST", "000042",
                created, new BankForm("https://bank.example/vads-payment/", "POST", java.util.Map.of())),
                invoices, "famille.6000", created, created.plusSeconds(1800));
        if (outcome != null) {
            payment.conclude(PaymentStatus.of(outcome), outcome, new BankNotice(Provider.SYSTEMPAY, "12345678",
                    "000042", created, "TEST", 1, "978", outcome, outcome == BankOutcome.PAID ? "AUTHORISED" : "REFUSED",
                    null, null), settled);
        }
        return payment;
    }

    private static PaymentInvoice invoice(String number, String total) {
        return new PaymentInvoice(UUID.randomUUID(), number, "Septembre 2026", new BigDecimal(total));
    }

    @Test
    void aDayOfPaymentsAsTheTreasuryReadsIt() {
        Instant morning = Instant.parse("2026-12-01T08:05:00Z");
        Payment paid = payment("DURAND", List.of(invoice("2026-000123", "51.50"), invoice("2026-000124", "1200.00")),
                "1251.50", morning, BankOutcome.PAID, morning.plusSeconds(120));
        Payment refused = payment("MARTIN; fils", List.of(invoice("2026-000200", "7.50")), "7.50",
                morning.plusSeconds(3600), BankOutcome.REFUSED, morning.plusSeconds(3700));
        Payment pending = payment("=HYPERLINK(\"x\")", List.of(invoice("2026-000300", "3.00")), "3.00",
                morning.plusSeconds(7200), null, null);
        PaymentJournal.Journal journal = new PaymentJournal.Journal(LocalDate.of(2026, 12, 1),
                List.of(paid, refused, pending), 1, new BigDecimal("1251.50"));

        byte[] bytes = JournalCsv.write(journal);

        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[0]).isEqualTo("Créé le;Réglé le;Dossier;Famille;Factures;Montant (€);Moyen de paiement;"
                + "Statut;Référence de la transaction;Réponse de la banque;Remarque");
        assertThat(lines[1]).isEqualTo("01/12/2026 09:05;01/12/2026 09:07;6000;DURAND;2026-000123, 2026-000124;"
                + "1251,50;Carte bancaire (Systempay);Paiement accepté;20261201-000042;AUTHORISED;");
        assertThat(lines[2]).isEqualTo("01/12/2026 10:05;01/12/2026 10:06;6000;\"MARTIN; fils\";2026-000200;7,50;"
                + "Carte bancaire (Systempay);Paiement refusé;20261201-000042;REFUSED;");
        assertThat(lines[3]).isEqualTo("01/12/2026 11:05;;6000;\"'=HYPERLINK(\"\"x\"\")\";2026-000300;3,00;"
                + "Carte bancaire (Systempay);Paiement en cours;20261201-000042;;");
        assertThat(lines[4]).isEqualTo(";;;;Total encaissé (1 paiement);1251,50;;;;;");
        assertThat(text).endsWith("\r\n");
    }

    @Test
    void anEmptyDayHasItsHeadersAndAZeroTotal() {
        String text = new String(JournalCsv.write(new PaymentJournal.Journal(LocalDate.of(2026, 12, 1), List.of(), 0,
                new BigDecimal("0.00"))), StandardCharsets.UTF_8);

        assertThat(text).endsWith("Remarque\r\n;;;;Total encaissé (0 paiement);0,00;;;;;\r\n");
        assertThat(JournalCsv.fileName(LocalDate.of(2026, 12, 1))).isEqualTo("journal-paiements-2026-12-01.csv");
    }

    @Test
    void summerTimeIsParisTime() {
        Instant july = Instant.parse("2026-07-14T21:59:00Z");
        Payment payment = payment("DURAND", List.of(invoice("2026-000500", "10.00")), "10.00", july, null, null);

        String text = new String(JournalCsv.write(new PaymentJournal.Journal(LocalDate.of(2026, 7, 14),
                List.of(payment), 0, new BigDecimal("0.00"))), StandardCharsets.UTF_8);

        assertThat(text).contains("\r\n14/07/2026 23:59;;6000;");
    }
}
