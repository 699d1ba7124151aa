package fr.portailfamille.messaging.news;

import fr.portailfamille.platform.jpa.Audited;
import fr.portailfamille.platform.uploads.StoredFile;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.LocalDate;

/**
 * A news item of « Je m'informe ». Its dates are calendar days as the authority means them
 * (Europe/Paris), stored as SQL {@code date}: a publication « le 1er décembre » starts at midnight in
 * Paris whatever the server's zone. The body is HTML already through {@link NewsHtml}.
 */
@Entity
@Table(name = "news_item")
public class NewsItem extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String title;

    @Column(name = "body_html", nullable = false)
    private String bodyHtml;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NewsCategory category;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private NewsAudience audience;

    @Column(name = "publication_date", nullable = false)
    private LocalDate publicationDate;

    @Column(name = "expiry_date")
    private LocalDate expiryDate;

    private LocalDate deadline;

    @Column(name = "link_url")
    private String linkUrl;

    @Column(name = "link_label")
    private String linkLabel;

    @Column(nullable = false)
    private boolean draft;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "form_file_id")
    private StoredFile form;

    protected NewsItem() {
    }

    NewsItem(NewsContent content) {
        change(content);
    }

    void change(NewsContent content) {
        this.title = content.title();
        this.bodyHtml = content.bodyHtml();
        this.category = content.category();
        this.audience = content.audience();
        this.publicationDate = content.publicationDate();
        this.expiryDate = content.expiryDate();
        this.deadline = content.deadline();
        this.linkUrl = content.linkUrl();
        this.linkLabel = content.linkLabel();
        this.draft = content.draft();
    }

    void attachForm(StoredFile form) {
        this.form = form;
    }

    NewsStatus status(LocalDate today) {
        return NewsStatus.of(draft, publicationDate, expiryDate, today);
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public NewsCategory getCategory() {
        return category;
    }

    public NewsAudience getAudience() {
        return audience;
    }

    public LocalDate getPublicationDate() {
        return publicationDate;
    }

    public LocalDate getExpiryDate() {
        return expiryDate;
    }

    public LocalDate getDeadline() {
        return deadline;
    }

    public String getLinkUrl() {
        return linkUrl;
    }

    public String getLinkLabel() {
        return linkLabel;
    }

    public boolean isDraft() {
        return draft;
    }

    public StoredFile getForm() {
        return form;
    }
}
