package fr.portailfamille.dossier.guardian;

import fr.portailfamille.dossier.contactdetails.ContactDetails;
import fr.portailfamille.dossier.contactdetails.MaskedEmails;
import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.dossier.DossierService;
import fr.portailfamille.events.dossier.ContactEmailChanged;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/**
 * The guardians of a dossier. Agents record them (at most two: the two holders of parental
 * authority; a third person goes through the service, not the portal); the family reads them and
 * changes their contact details (package {@code contact}: « Modifier mes coordonnées »). Guardian 1 added
 * with an e-mail of its own changes the dossier's: the previous address is told (ContactEmailChanged).
 */
@Service
public class GuardianService {

    static final int MAX_GUARDIANS = 2;

    private final GuardianRepository guardians;
    private final DossierService dossiers;
    private final OutboxPublisher outbox;

    public GuardianService(GuardianRepository guardians, DossierService dossiers, OutboxPublisher outbox) {
        this.guardians = guardians;
        this.dossiers = dossiers;
        this.outbox = outbox;
    }

    /**
     * Adds a guardian. The first one becomes the dossier's contact: without an e-mail or mobile of
     * its own it takes the dossier's; with one, the dossier's contact follows it.
     */
    @Transactional
    public Guardian add(PortalPrincipal agent, String number, NewGuardian request) {
        Dossier dossier = dossiers.get(agent, number);
        long count = guardians.countByDossierNumber(number);
        if (count >= MAX_GUARDIANS) {
            throw ApiProblem.conflict("trop-de-responsables", "guardian.too-many", number);
        }
        Guardian guardian = new Guardian(dossier, (int) count + 1, request.civility(), request.firstName().trim(),
                request.lastName().trim());
        ContactDetails contact = request.contact().normalised();
        if (guardian.isDossierContact()) {
            String previousEmail = dossier.getEmail();
            String email = contact.email() == null ? dossier.getEmail() : contact.email();
            String mobile = contact.mobilePhone() == null ? dossier.getPhone() : contact.mobilePhone();
            contact = contact.withEmailAndMobile(email, mobile);
            dossier.changeContactDetails(email, mobile);
            if (previousEmail != null && !previousEmail.isBlank() && !previousEmail.strip().equalsIgnoreCase(email.strip())) {
                // The dossier's address follows guardian 1's: the one it had is told, as for any change of it.
                outbox.publish(new ContactEmailChanged(number, dossier.getFamilyName(), previousEmail.strip(),
                        MaskedEmails.mask(email), true));
            }
        }
        guardian.changeContact(contact);
        return guardians.saveAndFlush(guardian);
    }

    @Transactional(readOnly = true)
    public List<Guardian> list(PortalPrincipal caller, String number) {
        dossiers.get(caller, number);
        return guardians.findByDossierNumberOrderByPosition(number);
    }
}
