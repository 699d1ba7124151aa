package fr.portailfamille.notification.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.Map;

/**
 * The agents' digest of new messages ({@code portal.notification.messaging.*}).
 *
 * @param serviceAddresses the mailbox of each service, by service code ({@code jeunesse} →
 *                         {@code jeunesse@…}): notification-service knows no agent's address (the
 *                         agents live in Keycloak, no event carries them), so the digest goes to the
 *                         service's mailbox, which its agents read. A service without one gets no digest
 *                         (its messages wait, logged at WARN at each check).
 * @param digestInterval   at most one digest per service per interval
 * @param digestCheck      how often the pending messages are looked at (a digest is due when the
 *                         service's last one is at least {@code digestInterval} old)
 * @param digestScheduled  false: no scheduled check (the tests call it themselves)
 */
@ConfigurationProperties("portal.notification.messaging")
public record MessagingProperties(
        Map<String, String> serviceAddresses,
        @DefaultValue("1h") Duration digestInterval,
        @DefaultValue("1m") Duration digestCheck,
        @DefaultValue("true") boolean digestScheduled) {

    public MessagingProperties {
        serviceAddresses = serviceAddresses == null ? Map.of() : Map.copyOf(serviceAddresses);
    }
}
