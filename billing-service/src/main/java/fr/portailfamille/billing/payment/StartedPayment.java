package fr.portailfamille.billing.payment;

import java.time.Instant;

/**
 * A payment opened at the bank: how the bank will name it in its notification, and the form that
 * sends the browser there.
 *
 * @param shopId        Systempay's {@code vads_site_id}, PayFiP's {@code numcli}
 * @param mode          Systempay's {@code vads_ctx_mode}, PayFiP's {@code saisie}: a notification of another mode never settles it
 * @param reference     Systempay's {@code vads_trans_id}, PayFiP's {@code idOp}
 * @param referenceDate Systempay's {@code vads_trans_date} (UTC; the trans id is unique within its UTC day); null for PayFiP
 */
public record StartedPayment(String shopId, String mode, String reference, Instant referenceDate, BankForm form) {
}
