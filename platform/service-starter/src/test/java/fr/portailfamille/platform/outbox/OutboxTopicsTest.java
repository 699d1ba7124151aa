package fr.portailfamille.platform.outbox;

import fr.portailfamille.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxTopicsTest {

    @Test
    void identity_service_declares_its_topic_with_the_short_retention_of_links() {
        List<NewTopic> topics = OutboxTopics.ownedWithSettings("identity-service");

        assertThat(topics).singleElement().satisfies(topic -> {
            assertThat(topic.name()).isEqualTo(Topics.IDENTITY);
            assertThat(topic.configs()).containsEntry("retention.ms", "86400000").containsEntry("segment.ms", "3600000");
        });
    }

    @Test
    void services_whose_topics_carry_no_link_declare_nothing() {
        assertThat(OutboxTopics.ownedWithSettings("dossier-service")).isEmpty();
        assertThat(OutboxTopics.ownedWithSettings("billing-service")).isEmpty();
        assertThat(OutboxTopics.ownedWithSettings("notification-service")).isEmpty();
    }
}
