package fr.portailfamille.notification.digest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Looks for due digests every {@code portal.notification.messaging.digest-check} (1 minute). */
@Component
@ConditionalOnProperty(name = "portal.notification.messaging.digest-scheduled", havingValue = "true",
        matchIfMissing = true)
public class DigestSchedule {

    private final MessageDigests digests;

    public DigestSchedule(MessageDigests digests) {
        this.digests = digests;
    }

    @Scheduled(fixedDelayString = "${portal.notification.messaging.digest-check:1m}",
            initialDelayString = "${portal.notification.messaging.digest-check:1m}")
    public void sendDueDigests() {
        digests.sendDueDigests();
    }
}
