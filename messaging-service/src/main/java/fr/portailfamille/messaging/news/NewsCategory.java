package fr.portailfamille.messaging.news;

/** What a news item is about, as the home page groups them. */
public enum NewsCategory {
    VACANCES("Vacances"),
    INSCRIPTIONS("Inscriptions"),
    FORMULAIRES("Formulaires"),
    INFORMATIONS("Informations");

    private final String label;

    NewsCategory(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
