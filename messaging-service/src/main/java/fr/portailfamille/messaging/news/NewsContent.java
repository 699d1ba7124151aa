package fr.portailfamille.messaging.news;

import java.time.LocalDate;

/** A news item's content once checked and cleaned: what {@link NewsItem} keeps. */
record NewsContent(String title, String bodyHtml, NewsCategory category, NewsAudience audience,
                   LocalDate publicationDate, LocalDate expiryDate, LocalDate deadline, String linkUrl,
                   String linkLabel, boolean draft) {
}
