package fr.portailfamille.dossier.linking;

import fr.portailfamille.dossier.dossier.Dossier;
import fr.portailfamille.dossier.dossier.DossierRepository;
import fr.portailfamille.events.dossier.DossierAccountLinked;
import fr.portailfamille.events.identity.FirstAccountLinkedToDossier;
import fr.portailfamille.platform.inbox.ProcessedEvents;
import fr.portailfamille.platform.outbox.OutboxPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * The first account linked to a dossier is announced to the dossier's recorded e-mail: identity-service
 * knows the link (FirstAccountLinkedToDossier, when no other active account holds the dossier), this
 * service knows the address the authority recorded, so it publishes DossierAccountLinked, which
 * notification-service mails. Whoever holds an invoice can link the first account; without this, nobody
 * would be told.
 */
@Service
public class AccountLinkAnnouncements {

    static final String CONSUMER = "dossier-account-links";
    private static final Logger log = LoggerFactory.getLogger(AccountLinkAnnouncements.class);

    private final DossierRepository dossiers;
    private final OutboxPublisher outbox;
    private final ProcessedEvents processed;

    public AccountLinkAnnouncements(DossierRepository dossiers, OutboxPublisher outbox, ProcessedEvents processed) {
        this.dossiers = dossiers;
        this.outbox = outbox;
        this.processed = processed;
    }

    /** Once per event (Kafka delivers at least once): the announcement is published with the marker. */
    @Transactional
    public void announce(UUID eventId, Instant linkedAt, FirstAccountLinkedToDossier linked) {
        if (!processed.markProcessed(CONSUMER, eventId)) {
            return;
        }
        Optional<Dossier> dossier = dossiers.findByNumber(linked.dossierNumber());
        if (dossier.isEmpty()) {
            log.warn("Account linked to unknown dossier {} (event {}): nobody to tell", linked.dossierNumber(), eventId);
            return;
        }
        outbox.publish(new DossierAccountLinked(dossier.get().getNumber(), dossier.get().getFamilyName(),
                dossier.get().getEmail(), linked.firstName() + " " + linked.lastName(), linkedAt));
    }
}
