package fr.portailfamille.dossier.document;

import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.time.Instant;
import java.util.List;

@RestController
public class DocumentController {

    private final DocumentService service;

    public DocumentController(DocumentService service) {
        this.service = service;
    }

    public record DocumentView(long id, DocumentType type, String typeLabel, String title, String fileName,
                               String contentType, long size, Instant publishedAt, String downloadUrl) {

        static DocumentView of(Document document) {
            return new DocumentView(document.getId(), document.getType(), document.getType().label(),
                    document.getTitle(), document.getFileName(), document.getContentType(), document.getSizeBytes(),
                    document.getPublishedAt(), document.downloadUrl());
        }
    }

    @Operation(summary = "Make a document available to a family (agents): multipart file, type, title")
    @PostMapping(path = "/api/dossier/dossiers/{number}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @StaffOnly
    public DocumentView publish(PortalPrincipal agent, @PathVariable String number,
                                @RequestParam(required = false) DocumentType type,
                                @RequestParam(required = false) String title,
                                @RequestPart(required = false) MultipartFile file) {
        return DocumentView.of(service.publish(agent, number, type, title, file));
    }

    @Operation(summary = "The documents of a dossier, newest first (invoices included)")
    @GetMapping("/api/dossier/dossiers/{number}/documents")
    public List<DocumentView> list(PortalPrincipal caller, @PathVariable String number) {
        return service.list(caller, number).stream().map(DocumentView::of).toList();
    }

    @Operation(summary = "Download a document (as an attachment)")
    @GetMapping("/api/dossier/documents/{id}/content")
    public ResponseEntity<byte[]> download(PortalPrincipal caller, @PathVariable long id) {
        return service.download(caller, id).asAttachment();
    }
}
