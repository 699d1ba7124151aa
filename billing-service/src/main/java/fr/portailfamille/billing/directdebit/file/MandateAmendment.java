package fr.portailfamille.billing.directdebit.file;

/**
 * What changed in a mandate since the last debit, told once on the next debit ({@code AmdmntInd true}
 * with {@code AmdmntInfDtls}), as the EPC implementation guidelines (SDD Core IG 9.0 onwards) and the
 * schema say:
 * <ul>
 *   <li>{@link OriginalDebtorAccount}: the family gave a new IBAN <b>at the same bank</b>: the old IBAN
 *       goes in {@code OrgnlDbtrAcct/Id/IBAN};</li>
 *   <li>{@link SameMandateNewDebtorAgent}: the new account is <b>at another bank</b>: {@code SMNDA}
 *       (« same mandate, new debtor agent ») in {@code OrgnlDbtrAcct/Id/Othr/Id}. Before IG 9.0 it was
 *       written under {@code OrgnlDbtrAgt}; the pain.008.001.02 schema in use (DK, EPC IG 9.0) allows only a
 *       BIC there, so SMNDA goes where both schemas take it. Since November 2016 such a debit may stay
 *       {@code RCUR} (it had to be {@code FRST} before): the caller chooses the sequence type.</li>
 * </ul>
 */
public sealed interface MandateAmendment permits MandateAmendment.OriginalDebtorAccount, MandateAmendment.SameMandateNewDebtorAgent {

    /** The IBAN debited before the change (same bank). */
    record OriginalDebtorAccount(String iban) implements MandateAmendment {
        public OriginalDebtorAccount {
            iban = SepaChecks.iban("The original debtor IBAN", iban);
        }
    }

    /** The debtor moved the mandate to an account at another bank. */
    record SameMandateNewDebtorAgent() implements MandateAmendment {
    }
}
