package fr.portailfamille.billing.payment;

import fr.portailfamille.billing.invoice.Money;
import fr.portailfamille.platform.uploads.FileDownload;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * « Journal des paiements » of one day (Europe/Paris) for the régisseur: the payments created or
 * ended that day, and the day's takings (payments paid that day).
 */
@Service
public class PaymentJournal {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final PaymentRepository payments;

    public PaymentJournal(PaymentRepository payments) {
        this.payments = payments;
    }

    /**
     * @param paidCount the payments paid that day
     * @param paidTotal their amount, euros scale 2
     */
    public record Journal(LocalDate day, List<Payment> payments, int paidCount, BigDecimal paidTotal) {
    }

    @Transactional(readOnly = true)
    public Journal of(LocalDate day) {
        Instant from = day.atStartOfDay(PARIS).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(PARIS).toInstant();
        List<Payment> found = payments.findOfPeriod(from, to);
        List<Payment> paid = found.stream().filter(p -> p.getStatus() == PaymentStatus.PAID)
                .filter(p -> !p.getSettledAt().isBefore(from) && p.getSettledAt().isBefore(to)).toList();
        return new Journal(day, found, paid.size(), Money.sum(paid.stream().map(Payment::getAmount).toList()));
    }

    /** The same as a CSV file for the treasury ({@link JournalCsv}). */
    @Transactional(readOnly = true)
    public FileDownload csv(LocalDate day) {
        return new FileDownload(JournalCsv.fileName(day), "text/csv;charset=UTF-8", JournalCsv.write(of(day)));
    }
}
