package fr.portailfamille.notification.digest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The agents' digest of new messages ({@code portal.notification.messaging.*}).
 *
 * @param digestInterval  at most one digest per agent of a service per interval
 * @param digestCheck     how often the pending messages are looked at (an agent's digest is due when its
 *                        last one is at least {@code digestInterval} old)
 * @param digestScheduled false: no scheduled check (the tests call it themselves)
 */
@ConfigurationProperties("portal.notification.messaging")
public record MessagingProperties(
        @DefaultValue("1h") Duration digestInterval,
        @DefaultValue("1m") Duration digestCheck,
        @DefaultValue("true") boolean digestScheduled) {
}
