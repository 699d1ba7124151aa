package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.invoice.Money;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The « Journal des paiements » as the treasury opens it in a spreadsheet: UTF-8 with a BOM (so
 * accents survive), {@code ;} between values, decimal comma, French headers, Paris times, CRLF
 * line ends; the last row gives the day's takings. A text value that a spreadsheet would take for a
 * formula (starting with {@code = + - @}) is prefixed with an apostrophe.
 */
public final class JournalCsv {

    static final List<String> HEADERS = List.of("Créé le", "Réglé le", "Dossier", "Famille", "Factures",
            "Montant (€)", "Moyen de paiement", "Statut", "Référence de la transaction", "Réponse de la banque",
            "Remarque");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
            .withZone(PaymentJournal.PARIS);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private JournalCsv() {
    }

    /** {@code journal-paiements-2026-12-01.csv} */
    public static String fileName(LocalDate day) {
        return "journal-paiements-" + DAY.format(day) + ".csv";
    }

    public static byte[] write(PaymentJournal.Journal journal) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADERS);
        for (Payment payment : journal.payments()) {
            row(csv, List.of(
                    time(payment.getCreatedAt()),
                    payment.getSettledAt() == null ? "" : time(payment.getSettledAt()),
                    text(payment.getDossierNumber()),
                    text(payment.getFamilyName()),
                    text(payment.getInvoices().stream().map(PaymentInvoice::getNumber).collect(Collectors.joining(", "))),
                    amount(payment.getAmount()),
                    providerLabel(payment.getProvider()),
                    payment.getStatus().label(),
                    text(payment.displayReference()),
                    text(payment.getBankStatus()),
                    text(payment.getAnomaly())));
        }
        row(csv, List.of("", "", "", "", "Total encaissé (" + journal.paidCount() + " paiement"
                + (journal.paidCount() > 1 ? "s" : "") + ")", amount(journal.paidTotal()), "", "", "", "", ""));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(BOM);
        out.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** « Carte bancaire (Systempay) », « PayFiP ». */
    public static String providerLabel(Provider provider) {
        return provider == Provider.PAYFIP ? "PayFiP" : "Carte bancaire (Systempay)";
    }

    /** 1234.50 → « 1234,50 »: no thousands separator, a spreadsheet reads it as a number. */
    static String amount(BigDecimal euros) {
        return Money.euros(euros).toPlainString().replace('.', ',');
    }

    private static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** A text cell: never read as a formula. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value : value;
    }

    private static void row(StringBuilder csv, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                csv.append(';');
            }
            csv.append(quote(values.get(i)));
        }
        csv.append("\r\n");
    }

    /** Quoted when it holds a separator, a quote or a line break; quotes doubled. */
    static String quote(String value) {
        if (value.indexOf(';') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
