package fr.portailfamille.billing.directdebit.file;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

/**
 * A whole direct-debit file (one pain.008 message): one creditor, one collection date, its debits.
 *
 * @param messageId               {@code MsgId}: unique per creditor over time (SEPA identifier, 35 at most)
 * @param createdAt               {@code CreDtTm}, written in UTC to the second ({@code 2026-12-02T09:30:00Z})
 * @param requestedCollectionDate {@code ReqdColltnDt}: the day the families are debited
 * @param creditor                the authority
 * @param debits                  at least one
 * @param version                 the pain.008 version written
 */
public record DirectDebitFile(String messageId, Instant createdAt, LocalDate requestedCollectionDate,
                              Creditor creditor, List<DirectDebit> debits, Pain008Version version) {

    public DirectDebitFile {
        SepaText.requireIdentifier("The message id", messageId);
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
        Objects.requireNonNull(requestedCollectionDate, "requestedCollectionDate");
        Objects.requireNonNull(creditor, "creditor");
        debits = List.copyOf(debits);
        if (debits.isEmpty()) {
            throw new IllegalArgumentException("A direct-debit file has at least one debit");
        }
        Objects.requireNonNull(version, "version");
    }

    /** The default version, pain.008.001.02. */
    public DirectDebitFile(String messageId, Instant createdAt, LocalDate requestedCollectionDate,
                           Creditor creditor, List<DirectDebit> debits) {
        this(messageId, createdAt, requestedCollectionDate, creditor, debits, Pain008Version.V02);
    }

    /** The same file in another version. */
    public DirectDebitFile withVersion(Pain008Version other) {
        return new DirectDebitFile(messageId, createdAt, requestedCollectionDate, creditor, debits, other);
    }

    /** Sum of the amounts, exact ({@code BigDecimal}, scale 2): the group header's {@code CtrlSum}. */
    public BigDecimal controlSum() {
        return sum(debits);
    }

    static BigDecimal sum(List<DirectDebit> debits) {
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        for (DirectDebit debit : debits) {
            total = total.add(debit.amount());
        }
        return total;
    }
}
