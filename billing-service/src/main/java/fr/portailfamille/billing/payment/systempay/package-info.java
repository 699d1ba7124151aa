/**
 * Systempay / PayZen / Lyra « formulaire de paiement »: signed form, signature, notification check, transaction ids
 * (counter per shop and UTC day in the database), and the adapter of the payment port with its notification endpoint.
 */
package fr.portailfamille.billing.payment.systempay;
