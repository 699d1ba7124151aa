package fr.portailfamille.platform.outbox;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.config.TopicBuilder;

import java.util.List;
import java.util.Map;

/**
 * The topic settings a service's own topics must have ({@link Topics#configs}: today the short retention
 * of the topics that carry links, ADR 009), declared by the service that publishes to them, so that they
 * hold whichever service starts first and whether the topic was made before (Spring Kafka's admin alters
 * a differing setting at start: {@code modify-topic-configs}). Topics without settings are not declared
 * here (the consumers declare them, or the broker makes them). On Kubernetes the topics are Strimzi
 * KafkaTopic resources with these same settings, and the services have no right to alter them: the
 * admin's attempt is then logged and the start goes on.
 */
final class OutboxTopics {

    private OutboxTopics() {
    }

    /**
     * @param applicationName {@code spring.application.name}, {@code identity-service}: its topics are
     *                        those of the event types it owns
     */
    static List<NewTopic> ownedWithSettings(String applicationName) {
        String source = "/portail-famille/" + applicationName;
        return EventCatalog.entries().stream()
                .filter(entry -> entry.ownerSource().equals(source))
                .map(EventCatalog.Entry::topic)
                .distinct()
                .filter(topic -> !Topics.configs(topic).isEmpty())
                .map(topic -> TopicBuilder.name(topic).configs(Map.copyOf(Topics.configs(topic))).build())
                .toList();
    }
}
