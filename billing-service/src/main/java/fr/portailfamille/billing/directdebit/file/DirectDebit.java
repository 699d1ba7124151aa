package fr.portailfamille.billing.directdebit.file;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One debit of the file ({@code DrctDbtTxInf}): one invoice of one family.
 *
 * @param endToEndId            the invoice's reference, given back by the bank on a rejection (SEPA identifier, 35 at most, kept as is)
 * @param amount                euros, more than 0, no fraction of a cent; kept with scale 2
 * @param mandateId             the mandate's RUM, as signed (SEPA identifier, kept as is)
 * @param mandateSignatureDate  the day the family signed the mandate ({@code DtOfSgntr})
 * @param sequenceType          FRST, RCUR, FNAL or OOFF
 * @param debtorName            the account holder (transliterated, 70 at most)
 * @param debtorIban            the account debited (spaces removed, upper case)
 * @param debtorBic             its bank's BIC, or {@code null} ({@code NOTPROVIDED} in the file)
 * @param amendment             what changed in the mandate since the last debit, or {@code null}
 * @param remittanceInformation the line on the family's statement ({@code Ustrd}, transliterated, 140 at most), or {@code null}
 */
public record DirectDebit(String endToEndId, BigDecimal amount, String mandateId, LocalDate mandateSignatureDate,
                          SequenceType sequenceType, String debtorName, String debtorIban, String debtorBic,
                          MandateAmendment amendment, String remittanceInformation) {

    public DirectDebit {
        SepaText.requireIdentifier("The end-to-end id", endToEndId);
        amount = SepaChecks.amount(amount);
        SepaText.requireIdentifier("The mandate reference (RUM)", mandateId);
        Objects.requireNonNull(mandateSignatureDate, "mandateSignatureDate");
        Objects.requireNonNull(sequenceType, "sequenceType");
        debtorName = SepaText.requireLatin("The debtor's name", debtorName, SepaText.NAME_MAX);
        debtorIban = SepaChecks.iban("The debtor's IBAN", debtorIban);
        debtorBic = SepaChecks.optionalBic("The debtor's BIC", debtorBic);
        String remittance = SepaText.latin(remittanceInformation, SepaText.REMITTANCE_MAX);
        remittanceInformation = remittance.isEmpty() ? null : remittance;
    }
}
