package fr.portailfamille.dossier.request;

import fr.portailfamille.platform.security.FamilyOnly;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.security.StaffOnly;
import fr.portailfamille.platform.uploads.StoredFile;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
public class RequestController {

    private final RequestService service;

    public RequestController(RequestService service) {
        this.service = service;
    }

    public record Decision(@Size(max = 2000) String comment) {
    }

    public record StepView(RequestStatus status, String statusLabel, String comment, Instant changedAt,
                           String changedBy) {
    }

    public record AttachmentView(String fileName, String contentType, long size, String downloadUrl) {
    }

    /** What a family or an agent sees of a request; families do not see agents' usernames. */
    public record RequestView(long id, RequestType type, String typeLabel, RequestStatus status, String statusLabel,
                              String description, Instant createdAt, List<StepView> history,
                              AttachmentView attachment) {

        static RequestView of(Request request, PortalPrincipal viewer) {
            List<StepView> steps = request.getHistory().stream().map(step -> new StepView(step.getStatus(),
                    step.getStatus().label(), step.getComment(), step.getChangedAt(),
                    viewer.isStaff() ? step.getChangedBy() : null)).toList();
            StoredFile file = request.getAttachment();
            AttachmentView attachment = file == null ? null : new AttachmentView(file.getFileName(),
                    file.getContentType(), file.getSizeBytes(), "/api/dossier/requests/" + request.getId() + "/attachment");
            return new RequestView(request.getId(), request.getType(), request.getType().label(), request.getStatus(),
                    request.getStatus().label(), request.getDescription(), request.getCreatedAt(), steps, attachment);
        }
    }

    @Operation(summary = "The requests of a dossier, newest first, with their history")
    @GetMapping("/api/dossier/dossiers/{number}/requests")
    public List<RequestView> list(PortalPrincipal caller, @PathVariable String number) {
        return service.list(caller, number).stream().map(r -> RequestView.of(r, caller)).toList();
    }

    @Operation(summary = "File a request (the family of the dossier)")
    @PostMapping(path = "/api/dossier/dossiers/{number}/requests", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @FamilyOnly
    public RequestView submit(PortalPrincipal family, @PathVariable String number,
                              @Valid @RequestBody NewRequest request) {
        return RequestView.of(service.submit(family, number, request, null), family);
    }

    @Operation(summary = "File a request with an attachment (multipart: type, description, file)")
    @PostMapping(path = "/api/dossier/dossiers/{number}/requests", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @FamilyOnly
    public RequestView submitWithAttachment(PortalPrincipal family, @PathVariable String number,
                                            @Valid @ModelAttribute NewRequest request,
                                            @RequestPart(required = false) MultipartFile file) {
        return RequestView.of(service.submit(family, number, request, file), family);
    }

    @Operation(summary = "Download the attachment of a request")
    @GetMapping("/api/dossier/requests/{id}/attachment")
    public ResponseEntity<byte[]> attachment(PortalPrincipal caller, @PathVariable long id) {
        return service.attachment(caller, id).asAttachment();
    }

    @Operation(summary = "Cancel a request not yet processed (the family)")
    @PostMapping("/api/dossier/requests/{id}/cancel")
    public RequestView cancel(PortalPrincipal family, @PathVariable long id) {
        return RequestView.of(service.cancel(family, id), family);
    }

    @Operation(summary = "Take a request (agents): « En cours de traitement »")
    @PostMapping("/api/dossier/requests/{id}/take")
    @StaffOnly
    public RequestView take(PortalPrincipal agent, @PathVariable long id) {
        return RequestView.of(service.decide(agent, id, RequestStatus.IN_PROGRESS, null), agent);
    }

    @Operation(summary = "Accept a request (agents), with an optional comment")
    @PostMapping("/api/dossier/requests/{id}/accept")
    @StaffOnly
    public RequestView accept(PortalPrincipal agent, @PathVariable long id, @Valid @RequestBody(required = false) Decision decision) {
        return RequestView.of(service.decide(agent, id, RequestStatus.ACCEPTED, decision == null ? null : decision.comment()), agent);
    }

    @Operation(summary = "Refuse a request (agents), saying why")
    @PostMapping("/api/dossier/requests/{id}/refuse")
    @StaffOnly
    public RequestView refuse(PortalPrincipal agent, @PathVariable long id, @Valid @RequestBody Decision decision) {
        return RequestView.of(service.decide(agent, id, RequestStatus.REFUSED, decision.comment()), agent);
    }
}
