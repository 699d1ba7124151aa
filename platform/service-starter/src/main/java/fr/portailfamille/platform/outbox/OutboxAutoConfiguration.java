package fr.portailfamille.platform.outbox;

import fr.portailfamille.platform.inbox.ProcessedEvents;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** The outbox (write side), its relay to Kafka, and the consumers' processed-event record. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration"})
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OutboxPublisher outboxPublisher(JdbcClient jdbc, JsonMapper json, Clock clock,
                                    @Value("${spring.application.name}") String applicationName) {
        return new OutboxPublisher(jdbc, json, "/portail-famille/" + applicationName, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "portal.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcClient jdbc, KafkaTemplate<String, String> kafka, TransactionTemplate transactions,
                            OutboxProperties properties, Clock clock) {
        return new OutboxRelay(jdbc, kafka, transactions, properties, clock);
    }

    /** The settings of this service's topics (the short retention of identity's: ADR 009). */
    @Bean
    KafkaAdmin.NewTopics outboxTopics(@Value("${spring.application.name}") String applicationName) {
        return new KafkaAdmin.NewTopics(OutboxTopics.ownedWithSettings(applicationName).toArray(NewTopic[]::new));
    }

    /**
     * Lets the settings declared by the services ({@code NewTopic} configs) apply to topics that exist
     * already (made by another service, or by the broker on a first send), not only to new ones.
     */
    @Bean
    static BeanPostProcessor topicSettingsApplied() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof KafkaAdmin admin) {
                    admin.setModifyTopicConfigs(true);
                }
                return bean;
            }
        };
    }

    @Bean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }
}
