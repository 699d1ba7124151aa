package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.EventReader;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.UnreadableEventException;
import fr.portailfamille.notification.delivery.DeliveryLog;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import tools.jackson.databind.json.JsonMapper;

/**
 * Retries with exponential back-off when SMTP fails; what still fails, or what cannot be read,
 * goes to {@link Topics#NOTIFICATION_DEAD_LETTER} with the original topic, partition, offset and
 * exception in its headers, and the consumer goes on with the next record. So does, at once, an event
 * refused by {@link EventOrigins} (a {@link RefusedEventException}, which is an unreadable event).
 */
@Configuration
public class KafkaConsumerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaConsumerConfiguration.class);

    @Bean
    DefaultErrorHandler notificationErrorHandler(KafkaTemplate<Object, Object> kafka, DeliveryLog deliveries,
                                                 JsonMapper json, NotificationProperties properties) {
        DeadLetterPublishingRecoverer deadLetter = new DeadLetterPublishingRecoverer(kafka,
                (record, exception) -> new TopicPartition(Topics.NOTIFICATION_DEAD_LETTER, -1));
        NotificationProperties.Retry retry = properties.retry();
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.attempts() - 1);
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        EventReader events = new EventReader(json);
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            log.error("Event at {}-{}@{} goes to the dead-letter topic: {}", record.topic(), record.partition(),
                    record.offset(), exception.toString());
            if (record.value() instanceof String value) {
                try {
                    deliveries.failed(events.envelope(value).id(), rootCause(exception).toString());
                } catch (UnreadableEventException unreadable) {
                    // nothing to mark: it never was a delivery
                }
            }
            deadLetter.accept(record, exception);
        }, backOff);
        handler.addNotRetryableExceptions(UnreadableEventException.class);
        return handler;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * The topics this service reads, and its dead-letter topic, created at start if missing (no
     * replica count: the broker's default applies; on Kubernetes Strimzi's KafkaTopic resources own them),
     * with the platform's settings ({@link Topics#configs}): identity.events and the dead-letter topic,
     * which carry links, keep their records 24 hours (ADR 009).
     */
    @Bean
    KafkaAdmin.NewTopics notificationTopics(NotificationProperties properties) {
        return new KafkaAdmin.NewTopics(
                topic(Topics.IDENTITY, properties.partitions()),
                topic(Topics.DOSSIER, properties.partitions()),
                topic(Topics.BILLING, properties.partitions()),
                topic(Topics.MESSAGING, properties.partitions()),
                topic(Topics.NOTIFICATION_DEAD_LETTER, 1));
    }

    private static NewTopic topic(String name, int partitions) {
        return TopicBuilder.name(name).partitions(partitions).configs(Topics.configs(name)).build();
    }

}
