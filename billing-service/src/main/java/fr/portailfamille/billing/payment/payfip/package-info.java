/**
 * PayFiP (DGFiP): SOAP client of creerPaiementSecurise and recupererDetailPaiementSecurise (JDK DOM, no SOAP stack),
 * the adapter of the payment port (one invoice per payment), its unsigned notification and the payer's return.
 */
package fr.portailfamille.billing.payment.payfip;
