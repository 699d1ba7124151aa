package fr.portailfamille.dossier.dossier;

import fr.portailfamille.dossier.contact.PhoneNumbers;
import fr.portailfamille.dossier.linking.AccessKeys;
import fr.portailfamille.events.dossier.DossierCreated;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dossiers and their contact details. A family reaches only the dossier of its token; for another
 * number it gets the same 404 as for a number that does not exist, so it learns nothing.
 */
@Service
public class DossierService {

    private final DossierRepository dossiers;
    private final OutboxPublisher outbox;
    private final AccessKeys accessKeys;

    public DossierService(DossierRepository dossiers, OutboxPublisher outbox, AccessKeys accessKeys) {
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.accessKeys = accessKeys;
    }

    /** A new dossier and its access key, in clear this once (it is stored hashed). */
    public record Created(Dossier dossier, String accessKey) {
    }

    @Transactional
    public Created create(DossierController.NewDossier request) {
        if (dossiers.existsByNumber(request.number())) {
            throw ApiProblem.conflict("dossier-existant", "dossier.duplicate", request.number());
        }
        Dossier dossier = new Dossier(request.number(), request.familyName().trim(), request.email().trim(),
                normalisePhone(request.phone()));
        String accessKey = accessKeys.generate();
        dossier.setAccessKeyHash(accessKeys.hash(accessKey));
        dossiers.saveAndFlush(dossier);
        outbox.publish(new DossierCreated(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail()));
        return new Created(dossier, accessKey);
    }

    @Transactional(readOnly = true)
    public Dossier get(PortalPrincipal caller, String number) {
        return reachable(caller, number);
    }

    /** A dossier by number, for what other services tell (no caller: an event, not a person). */
    @Transactional(readOnly = true)
    public java.util.Optional<Dossier> find(String number) {
        return dossiers.findByNumber(number);
    }

    private Dossier reachable(PortalPrincipal caller, String number) {
        if (!caller.mayReachDossier(number)) {
            throw ApiProblem.notFound("dossier-introuvable", "dossier.not-found", number);
        }
        return dossiers.findByNumber(number)
                .orElseThrow(() -> ApiProblem.notFound("dossier-introuvable", "dossier.not-found", number));
    }

    /** Stored in E.164: {@code 06 12 34 56 78} becomes {@code +33612345678}. */
    static String normalisePhone(String phone) {
        return PhoneNumbers.normalise(phone);
    }
}
