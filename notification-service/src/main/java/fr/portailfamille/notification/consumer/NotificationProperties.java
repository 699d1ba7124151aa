package fr.portailfamille.notification.consumer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The retry budget of an e-mail: {@code retry.attempts} tries in all, waiting {@code initial-interval},
 * then twice as long each time up to {@code max-interval}. With the defaults an SMTP outage of about
 * two minutes is absorbed; a longer one marks the delivery FAILED and puts the event on the
 * dead-letter topic, from where an operator can replay it.
 */
@ConfigurationProperties("portal.notification")
public record NotificationProperties(
        @DefaultValue Retry retry,
        @DefaultValue("3") int partitions) {

    public record Retry(
            @DefaultValue("6") int attempts,
            @DefaultValue("2s") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("1m") Duration maxInterval) {
    }
}
