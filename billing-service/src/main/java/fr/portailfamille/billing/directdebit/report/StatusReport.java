package fr.portailfamille.billing.directdebit.report;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a bank's status report says of one direct-debit file: the file it answers
 * ({@code originalMessageId}, the file's {@code MsgId}), whether the whole file was refused (with
 * why), and each debit it rejected. A debit the report does not name was not rejected by it.
 */
public record StatusReport(String messageId, String originalMessageId, boolean wholeFileRejected,
                           RejectionReason fileReason, List<RejectedBatch> rejectedBatches,
                           List<RejectedDebit> rejected) {

    /** A whole {@code PmtInf} of the file refused (e.g. every first debit): its {@code PmtInfId}, why. */
    public record RejectedBatch(String paymentInformationId, RejectionReason reason) {
    }

    /** One rejected debit: its {@code EndToEndId} (our invoice's), the mandate, the amount, why. */
    public record RejectedDebit(String endToEndId, String mandateId, BigDecimal amount, RejectionReason reason) {
    }
}
