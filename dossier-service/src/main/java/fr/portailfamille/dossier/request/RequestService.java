package fr.portailfamille.dossier.request;

import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.dossier.DossierService;
import fr.portailfamille.events.dossier.RequestStatusChanged;
import fr.portailfamille.events.dossier.RequestSubmitted;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.uploads.FileDownload;
import fr.portailfamille.platform.uploads.FileStore;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import org.springframework.web.multipart.MultipartFile;

import java.time.Clock;
import java.util.List;

/**
 * Requests (démarches): a family files and may cancel its own; agents take, accept or refuse them
 * with a comment. Every status change is kept in the history and told to the family by e-mail
 * (RequestStatusChanged), in the same transaction as the change (outbox).
 */
@Service
public class RequestService {

    private final RequestRepository requests;
    private final DossierService dossiers;
    private final OutboxPublisher outbox;
    private final Clock clock;
    private final FileStore files;

    public RequestService(RequestRepository requests, DossierService dossiers, OutboxPublisher outbox, Clock clock,
                          FileStore files) {
        this.files = files;
        this.requests = requests;
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Request submit(PortalPrincipal family, String number, NewRequest body,
                          MultipartFile attachment) {
        Dossier dossier = dossiers.get(family, number);
        if (!body.type().filedByFamily()) {
            throw ApiProblem.badRequest("type-de-demarche-refuse", "request.type.not-filed", body.type().label());
        }
        Request request = new Request(dossier, body.type(), body.description().trim(), clock.instant(),
                family.auditName());
        if (attachment != null) {
            request.attach(files.store(attachment, family));
        }
        requests.saveAndFlush(request);
        outbox.publish(new RequestSubmitted(number, request.getId(), request.getType().name(),
                request.getType().label(), dossier.getFamilyName(), dossier.getEmail()));
        return request;
    }

    /**
     * A contact details change is applied at once; it is recorded as a request already accepted so
     * that it shows in the family's history (no e-mail of its own: ContactDetailsChanged tells it).
     */
    @Transactional
    public void recordAppliedContactChange(Dossier dossier, PortalPrincipal by, String description) {
        Request request = new Request(dossier, RequestType.CONTACT_DETAILS_CHANGE, description, clock.instant(),
                by.auditName());
        request.moveTo(RequestStatus.ACCEPTED, null, clock.instant(), by.auditName());
        requests.save(request);
    }

    /** The attachment of a request, to download: the family's own, any for an agent. */
    @Transactional(readOnly = true)
    public FileDownload attachment(PortalPrincipal caller, long id) {
        Request request = requests.findWithDetailsById(id)
                .filter(r -> caller.mayReachDossier(r.getDossier().getNumber()))
                .filter(r -> r.getAttachment() != null)
                .orElseThrow(() -> ApiProblem.notFound("piece-jointe-introuvable", "attachment.not-found"));
        return files.read(request.getAttachment());
    }

    @Transactional(readOnly = true)
    public List<Request> list(PortalPrincipal caller, String number) {
        dossiers.get(caller, number);
        return requests.findByDossierNumberOrderByCreatedAtDescIdDesc(number);
    }

    @Transactional
    public Request cancel(PortalPrincipal family, long id) {
        if (family.isStaff()) {
            throw ApiProblem.forbidden("acces-refuse", "request.cancel.family-only");
        }
        return move(family, id, RequestStatus.CANCELLED, null);
    }

    @Transactional
    public Request decide(PortalPrincipal agent, long id, RequestStatus next, String comment) {
        if (next == RequestStatus.REFUSED && (comment == null || comment.isBlank())) {
            throw ApiProblem.badRequest("commentaire-obligatoire", "request.refuse.comment");
        }
        return move(agent, id, next, comment == null || comment.isBlank() ? null : comment.trim());
    }

    private Request move(PortalPrincipal caller, long id, RequestStatus next, String comment) {
        Request request = requests.findWithDetailsById(id)
                .filter(r -> caller.mayReachDossier(r.getDossier().getNumber()))
                .orElseThrow(() -> ApiProblem.notFound("demarche-introuvable", "request.not-found", id));
        request.moveTo(next, comment, clock.instant(), caller.auditName());
        requests.flush();
        Dossier dossier = request.getDossier();
        outbox.publish(new RequestStatusChanged(dossier.getNumber(), request.getId(), request.getType().name(),
                request.getType().label(), next.name(), next.label(), comment, dossier.getFamilyName(),
                dossier.getEmail()));
        return request;
    }
}
