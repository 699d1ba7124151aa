/** Online payment of invoices through the bank: one port, one adapter per provider. */
package fr.portailfamille.billing.payment;
