package fr.portailfamille.dossier.request;

/** The kinds of requests, with the French label families and agents read. */
public enum RequestType {
    CONTACT_DETAILS_CHANGE("Modification de coordonnées", false),
    CHILD_INFORMATION_CHANGE("Demande de modification d'informations enfant", true),
    CERTIFICATE("Demande d'attestation", true);

    private final String label;
    private final boolean filedByFamily;

    RequestType(String label, boolean filedByFamily) {
        this.label = label;
        this.filedByFamily = filedByFamily;
    }

    public String label() {
        return label;
    }

    /** Whether a family files it from « Mon dossier » (a contact details change is recorded by the portal itself). */
    public boolean filedByFamily() {
        return filedByFamily;
    }
}
