package fr.portailfamille.identity.cgu;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A version of the terms of use; the newest published one is the current one. */
@Entity
@Table(name = "cgu_version")
public class CguVersion {

    @Id
    private String version;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private String body;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected CguVersion() {
    }

    CguVersion(String version, String title, String body, Instant publishedAt) {
        this.version = version;
        this.title = title;
        this.body = body;
        this.publishedAt = publishedAt;
    }

    public String getVersion() {
        return version;
    }

    public String getTitle() {
        return title;
    }

    public String getBody() {
        return body;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
