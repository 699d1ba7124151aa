package fr.portailfamille.billing.payment;

/**
 * Where a payment stands, with what the family reads and what to do next; and the state machine the
 * bank's answers drive. A payment starts {@link #IN_PROGRESS}; the first final answer decides; a
 * paid payment is never reopened (a late « abandoned » after « paid » changes nothing).
 */
public enum PaymentStatus {

    IN_PROGRESS("Paiement en cours",
            "Nous attendons la confirmation de la banque. Cette page se met à jour d'elle-même ; "
                    + "vous recevrez un courriel dès que le paiement sera confirmé."),
    PAID("Paiement accepté",
            "Vos factures sont payées. Un reçu vous a été envoyé par courriel ; vous les retrouvez dans "
                    + "« Consultez vos précédentes factures »."),
    REFUSED("Paiement refusé",
            "La banque a refusé le paiement et aucune somme n'a été prélevée. Vos factures sont de nouveau "
                    + "à payer : vous pouvez réessayer, avec une autre carte si besoin."),
    ABANDONED("Paiement abandonné",
            "Le paiement n'a pas été mené à son terme et aucune somme n'a été prélevée. Vos factures sont "
                    + "de nouveau à payer : vous pouvez recommencer quand vous le souhaitez.");

    private final String label;
    private final String nextStep;

    PaymentStatus(String label, String nextStep) {
        this.label = label;
        this.nextStep = nextStep;
    }

    /** « Paiement en cours », « Paiement accepté », « Paiement refusé », « Paiement abandonné ». */
    public String label() {
        return label;
    }

    /** What the family can do now, in French. */
    public String nextStep() {
        return nextStep;
    }

    public boolean isFinal() {
        return this != IN_PROGRESS;
    }

    /** The status a final answer of the bank gives; {@code null} for {@link BankOutcome#PENDING}. */
    public static PaymentStatus of(BankOutcome outcome) {
        return switch (outcome) {
            case PAID -> PAID;
            case REFUSED -> REFUSED;
            case ABANDONED, EXPIRED -> ABANDONED;
            case PENDING -> null;
        };
    }

    /** What a payment in this status does when the bank answers {@code outcome}. */
    public Transition on(BankOutcome outcome) {
        if (outcome == BankOutcome.PENDING) {
            return Transition.NONE;
        }
        return switch (this) {
            case IN_PROGRESS -> outcome == BankOutcome.PAID ? Transition.SETTLE : Transition.FAIL;
            // Paid is final: a replay changes nothing, a late « abandoned » never reopens it.
            case PAID -> Transition.NONE;
            // Given up (by the family or by expiry) but the bank took the money after all: settle if still possible.
            case REFUSED, ABANDONED -> outcome == BankOutcome.PAID ? Transition.SETTLE_LATE : Transition.NONE;
        };
    }

    /** What the payment service does with a bank answer. */
    public enum Transition {
        /** Nothing: a replay, a late answer after a final one, or not decided yet. */
        NONE,
        /** In progress → paid: the invoices are settled, PaymentSucceeded. */
        SETTLE,
        /** In progress → refused or abandoned: the invoices are payable again, PaymentFailed. */
        FAIL,
        /**
         * Refused or abandoned → paid: the bank took the money after the portal gave up (its window
         * passed). The invoices are reserved and settled again if still payable; otherwise a
         * régisseur must refund (logged at ERROR).
         */
        SETTLE_LATE
    }
}
