package fr.portailfamille.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param pollInterval   how often the relay looks for unpublished events
 * @param batchSize      events per transaction
 * @param sendTimeout    how long to wait for Kafka's acknowledgement of one event
 * @param retention      how long published events stay in the table; an event carrying a secret
 *                       (EventCatalog) is deleted as soon as Kafka acknowledged it, whatever this says
 */
@ConfigurationProperties("portal.outbox")
public record OutboxProperties(
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("100") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}
