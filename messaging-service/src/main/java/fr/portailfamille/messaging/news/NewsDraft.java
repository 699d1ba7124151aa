package fr.portailfamille.messaging.news;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * A news item as an agent writes it. {@code text}: HTML from the agents' editor, sanitised before it is
 * kept ({@link NewsHtml}); dates are days (yyyy-MM-dd) in Europe/Paris; {@code draft}: saved but not
 * shown to readers.
 */
public record NewsDraft(@NotBlank @Size(max = News.TITLE_MAX) String title,
                        @NotBlank @Size(max = News.TEXT_MAX) String text,
                        @NotNull NewsCategory category,
                        @NotNull NewsAudience audience,
                        @NotNull LocalDate publicationDate,
                        LocalDate expiryDate,
                        LocalDate deadline,
                        @Size(max = 500) String linkUrl,
                        @Size(max = 100) String linkLabel,
                        @NotNull Boolean draft) {
}
