package fr.portailfamille.messaging.news;

import java.time.LocalDate;

/**
 * Where a news item stands on a given day (Europe/Paris), computed, never stored: a draft until an
 * agent publishes it, then scheduled before its publication date, published from that date through
 * its expiry date (included), expired after.
 */
public enum NewsStatus {
    DRAFT("Brouillon"),
    SCHEDULED("Programmée"),
    PUBLISHED("Publiée"),
    EXPIRED("Expirée");

    private final String label;

    NewsStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static NewsStatus of(boolean draft, LocalDate publicationDate, LocalDate expiryDate, LocalDate today) {
        if (draft) {
            return DRAFT;
        }
        if (publicationDate.isAfter(today)) {
            return SCHEDULED;
        }
        if (expiryDate != null && expiryDate.isBefore(today)) {
            return EXPIRED;
        }
        return PUBLISHED;
    }
}
