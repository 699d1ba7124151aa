/**
 * Online payment of invoices through the bank: one port ({@link fr.portailfamille.billing.payment.PaymentProvider}),
 * one adapter per provider ({@code systempay}, {@code payfip}); the payment, its state machine
 * ({@link fr.portailfamille.billing.payment.PaymentStatus}), its settlement by the bank's answer only, the expiry of
 * payments left without answer, and the « Journal des paiements ». Reaches invoices only through
 * {@code invoice.InvoicePayments}.
 */
package fr.portailfamille.billing.payment;
