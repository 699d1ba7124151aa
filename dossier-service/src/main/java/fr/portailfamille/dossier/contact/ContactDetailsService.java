package fr.portailfamille.dossier.contact;

import fr.portailfamille.dossier.contactdetails.ContactDetails;
import fr.portailfamille.dossier.contactdetails.MaskedEmails;
import fr.portailfamille.dossier.contactdetails.PhoneNumbers;
import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.dossier.DossierService;
import fr.portailfamille.dossier.guardian.Guardian;
import fr.portailfamille.dossier.guardian.GuardianRepository;
import fr.portailfamille.dossier.request.RequestService;
import fr.portailfamille.events.dossier.ContactDetailsChanged;
import fr.portailfamille.events.dossier.ContactEmailChanged;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/**
 * Contact details changes, applied at once. Guardian 1 is the dossier's contact: its e-mail and
 * mobile phone are the dossier's, whichever of the two forms changed them. Each change is recorded
 * as an accepted « Modification de coordonnées » and told by ContactDetailsChanged (one event with
 * everything as it is now, mailed to the new address), all in one transaction. When the dossier's e-mail
 * changed, ContactEmailChanged tells the previous address too, with the new one masked.
 */
@Service
public class ContactDetailsService {

    private final DossierService dossiers;
    private final GuardianRepository guardians;
    private final RequestService requests;
    private final OutboxPublisher outbox;

    public ContactDetailsService(DossierService dossiers, GuardianRepository guardians, RequestService requests,
                                 OutboxPublisher outbox) {
        this.dossiers = dossiers;
        this.guardians = guardians;
        this.requests = requests;
        this.outbox = outbox;
    }

    @Transactional
    public Dossier changeDossierContact(PortalPrincipal caller, String number, DossierContact contact) {
        Dossier dossier = dossiers.get(caller, number);
        String previousEmail = dossier.getEmail();
        String email = contact.email().trim();
        String phone = PhoneNumbers.normalise(contact.phone());
        dossier.changeContactDetails(email, phone);
        contactGuardian(number).ifPresent(first -> first.changeContact(first.contact().withEmailAndMobile(email, phone)));
        recordAndPublish(caller, dossier, previousEmail, "Coordonnées du dossier modifiées en ligne et appliquées immédiatement.");
        return dossier;
    }

    @Transactional
    public Guardian changeGuardianContact(PortalPrincipal caller, String number, long guardianId,
                                          ContactDetails contact) {
        Dossier dossier = dossiers.get(caller, number);
        Guardian guardian = guardians.findByIdAndDossierNumber(guardianId, number)
                .orElseThrow(() -> ApiProblem.notFound("responsable-introuvable", "guardian.not-found", number));
        ContactDetails normalised = contact.normalised();
        if (guardian.isDossierContact() && normalised.email() == null) {
            throw ApiProblem.invalidField("email", "guardian.email.required");
        }
        String previousEmail = dossier.getEmail();
        guardian.changeContact(normalised);
        if (guardian.isDossierContact()) {
            dossier.changeContactDetails(normalised.email(), normalised.mobilePhone());
        }
        recordAndPublish(caller, dossier, previousEmail, "Coordonnées de %s %s %s modifiées en ligne et appliquées immédiatement."
                .formatted(guardian.getCivility().label(), guardian.getFirstName(), guardian.getLastName()));
        return guardian;
    }

    private void recordAndPublish(PortalPrincipal caller, Dossier dossier, String previousEmail, String description) {
        guardians.flush();
        requests.recordAppliedContactChange(dossier, caller, description);
        List<ContactDetailsChanged.Guardian> snapshot = guardians.findByDossierNumberOrderByPosition(dossier.getNumber())
                .stream().map(ContactDetailsService::snapshot).toList();
        outbox.publish(new ContactDetailsChanged(dossier.getNumber(), dossier.getFamilyName(), dossier.getEmail(),
                dossier.getPhone(), previousEmail, snapshot));
        if (previousEmail != null && !previousEmail.isBlank() && !previousEmail.strip().equalsIgnoreCase(dossier.getEmail().strip())) {
            // The previous address is told too, the new one masked: if the change was not the family's,
            // the mailbox the authority knew learns of it.
            outbox.publish(new ContactEmailChanged(dossier.getNumber(), dossier.getFamilyName(), previousEmail.strip(),
                    MaskedEmails.mask(dossier.getEmail()), caller.isStaff()));
        }
    }

    private Optional<Guardian> contactGuardian(String number) {
        return guardians.findByDossierNumberOrderByPosition(number).stream().filter(Guardian::isDossierContact).findFirst();
    }

    private static ContactDetailsChanged.Guardian snapshot(Guardian guardian) {
        ContactDetails c = guardian.contact();
        return new ContactDetailsChanged.Guardian(guardian.getPosition(), guardian.getCivility().name(),
                guardian.getFirstName(), guardian.getLastName(), c.email(), c.mobilePhone(), c.homePhone(),
                c.workPhone(), c.addressLine1(), c.addressLine2(), c.postcode(), c.city());
    }
}
