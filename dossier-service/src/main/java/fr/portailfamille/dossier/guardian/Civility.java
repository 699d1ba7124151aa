package fr.portailfamille.dossier.guardian;

/** Civilité, as printed on letters and invoices. */
public enum Civility {
    MADAME("Madame"),
    MONSIEUR("Monsieur");

    private final String label;

    Civility(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
