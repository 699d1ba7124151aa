/** PayFiP (DGFiP) as the treasury runs it: the SOAP service creerPaiementSecurise / recupererDetailPaiementSecurise and its payment page. */
package fr.portailfamille.banksimulator.payfip;
