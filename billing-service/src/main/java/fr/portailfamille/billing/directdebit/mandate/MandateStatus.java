package fr.portailfamille.billing.directdebit.mandate;

/** Where a mandate stands, with what the family reads. */
public enum MandateStatus {
    PENDING_SIGNATURE("En attente de signature"),
    ACTIVE("Actif"),
    REVOKED("Arrêté"),
    LAPSED("Caduc");

    private final String label;

    MandateStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
