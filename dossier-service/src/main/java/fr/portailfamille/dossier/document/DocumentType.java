package fr.portailfamille.dossier.document;

/** Kinds of documents in « Mes documents »; invoices come from billing-service, the others from agents. */
public enum DocumentType {
    ATTESTATION("Attestation", true),
    REGLEMENT("Règlement", true),
    FORMULAIRE("Formulaire", true),
    FACTURE("Facture", false),
    AUTRE("Autre document", true);

    private final String label;
    private final boolean uploadedByAgents;

    DocumentType(String label, boolean uploadedByAgents) {
        this.label = label;
        this.uploadedByAgents = uploadedByAgents;
    }

    public String label() {
        return label;
    }

    public boolean uploadedByAgents() {
        return uploadedByAgents;
    }
}
