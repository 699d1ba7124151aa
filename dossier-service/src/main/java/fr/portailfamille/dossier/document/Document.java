package fr.portailfamille.dossier.document;

import fr.portailfamille.dossier.dossier.Dossier;
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

import java.time.Instant;

/**
 * A document made available to a family: a file an agent uploaded, or an invoice whose file stays
 * in billing-service ({@code externalRef}, {@code downloadUrl}). Name, type and size are kept on
 * the document so the list reads the same for both, in one query.
 */
@Entity
@Table(name = "document")
public class Document extends Audited {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "dossier_id")
    private Dossier dossier;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DocumentType type;

    @Column(nullable = false)
    private String title;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "file_id")
    private StoredFile file;

    @Column(name = "external_ref")
    private String externalRef;

    @Column(name = "download_url")
    private String downloadUrl;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "content_type", nullable = false)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(name = "published_at", nullable = false)
    private Instant publishedAt;

    protected Document() {
    }

    static Document uploaded(Dossier dossier, DocumentType type, String title, StoredFile file, Instant at) {
        Document document = new Document();
        document.dossier = dossier;
        document.type = type;
        document.title = title;
        document.file = file;
        document.fileName = file.getFileName();
        document.contentType = file.getContentType();
        document.sizeBytes = file.getSizeBytes();
        document.publishedAt = at;
        return document;
    }

    static Document external(Dossier dossier, DocumentType type, String title, String externalRef, String downloadUrl,
                             String fileName, String contentType, long sizeBytes, Instant at) {
        Document document = new Document();
        document.dossier = dossier;
        document.type = type;
        document.title = title;
        document.externalRef = externalRef;
        document.downloadUrl = downloadUrl;
        document.fileName = fileName;
        document.contentType = contentType;
        document.sizeBytes = sizeBytes;
        document.publishedAt = at;
        return document;
    }

    /** Where the family downloads it: here for an uploaded file, billing-service's address for an invoice. */
    public String downloadUrl() {
        return downloadUrl != null ? downloadUrl : "/api/dossier/documents/" + id + "/content";
    }

    public Long getId() {
        return id;
    }

    public Dossier getDossier() {
        return dossier;
    }

    public DocumentType getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public StoredFile getFile() {
        return file;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }
}
