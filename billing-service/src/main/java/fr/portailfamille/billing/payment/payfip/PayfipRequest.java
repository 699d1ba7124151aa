package fr.portailfamille.billing.payment.payfip;

import java.net.URI;

/**
 * The parameters of {@code creerPaiementSecurise}, as PayFiP names them.
 *
 * @param numcli      the authority's client number at PayFiP (6 digits)
 * @param exer        the budget year
 * @param refdet      the debt's reference: the invoice number, letters and digits only (30 at most)
 * @param objet       what is paid, plain letters, digits and spaces (100 at most)
 * @param montant     in cents
 * @param mel         the payer's e-mail address
 * @param urlnotif    where PayFiP posts {@code idOp} when the payment ends (server to server)
 * @param urlredirect where PayFiP sends the payer's browser back (posting {@code idop})
 * @param saisie      T (test), X (activation) or W (production)
 */
public record PayfipRequest(String numcli, String exer, String refdet, String objet, long montant, String mel,
                            URI urlnotif, URI urlredirect, String saisie) {
}
