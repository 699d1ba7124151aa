package fr.portailfamille.billing.directdebit.file;

/**
 * A debit's place in its mandate's life ({@code SeqTp}): {@link #FRST} the first debit of a recurrent
 * mandate (and again after a rejection where the rulebook says so), {@link #RCUR} the following ones,
 * {@link #FNAL} the last one, {@link #OOFF} a one-off mandate. The file has one {@code PmtInf} per type
 * present, in this order.
 */
public enum SequenceType {
    FRST, RCUR, FNAL, OOFF
}
