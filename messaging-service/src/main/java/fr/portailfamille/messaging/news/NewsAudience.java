package fr.portailfamille.messaging.news;

/** Who reads a news item: everyone, on the public home page too, or only people logged in to the portal. */
public enum NewsAudience {
    PUBLIC("Tout public"),
    FAMILIES("Familles connectées");

    private final String label;

    NewsAudience(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
