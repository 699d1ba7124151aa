/** Systempay / PayZen « formulaire de paiement » as the bank runs it: the checked form, the test payment page, the signed notification and the way back to the shop. */
package fr.portailfamille.banksimulator.systempay;
