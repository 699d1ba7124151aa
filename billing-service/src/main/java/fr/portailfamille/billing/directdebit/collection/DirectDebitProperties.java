package fr.portailfamille.billing.directdebit.collection;

import fr.portailfamille.billing.directdebit.file.Pain008Version;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Direct debit's settings ({@code portal.billing.direct-debit}):
 *
 * @param painVersion               the file's version: {@code V02} (pain.008.001.02, default, what most French
 *                                  banks and the DGFiP take) or {@code V08}
 * @param onlinePaymentBeforeDebit  whether a family may still pay online an invoice the bank will debit
 *                                  (false: one invoice, one way of paying)
 * @param settleAfterDays           days after the collection date when a debit not rejected counts as paid
 *                                  (the invoice becomes « Payée »; a later return still reopens it)
 * @param lapseAfterMonths          a mandate unused this long lapses (36, the SEPA rulebook)
 * @param minimumNoticeDays         the earliest collection date is today plus this (1: SEPA CORE's D-1)
 */
@ConfigurationProperties("portal.billing.direct-debit")
public record DirectDebitProperties(Pain008Version painVersion, boolean onlinePaymentBeforeDebit, Integer settleAfterDays,
                                    Integer lapseAfterMonths, Integer minimumNoticeDays) {

    public DirectDebitProperties {
        painVersion = painVersion == null ? Pain008Version.V02 : painVersion;
        settleAfterDays = settleAfterDays == null ? 7 : settleAfterDays;
        lapseAfterMonths = lapseAfterMonths == null ? 36 : lapseAfterMonths;
        minimumNoticeDays = minimumNoticeDays == null ? 1 : minimumNoticeDays;
        if (settleAfterDays < 0 || lapseAfterMonths < 1 || minimumNoticeDays < 0) {
            throw new IllegalStateException("portal.billing.direct-debit: settle-after-days and minimum-notice-days "
                    + "are 0 or more, lapse-after-months 1 or more");
        }
    }
}
