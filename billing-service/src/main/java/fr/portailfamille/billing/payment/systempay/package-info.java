/** Systempay / PayZen / Lyra « formulaire de paiement »: signed form, signature, notification check, transaction ids. */
package fr.portailfamille.billing.payment.systempay;
