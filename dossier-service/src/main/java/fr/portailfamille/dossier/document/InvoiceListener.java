package fr.portailfamille.dossier.document;

import fr.portailfamille.events.EventCatalog;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.billing.InvoiceIssued;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.UUID;

/**
 * Invoices join « Mes documents » through billing-service's InvoiceIssued events, so that the
 * family's list of documents is one call to dossier-service. Other billing events are skipped; a
 * record that is not an event is logged and skipped (it can never become one by retrying).
 */
@Configuration
public class InvoiceListener {

    private static final Logger log = LoggerFactory.getLogger(InvoiceListener.class);
    private static final String INVOICE_ISSUED = EventCatalog.entryOf(InvoiceIssued.class).type();

    private final DocumentService documents;
    private final JsonMapper json;

    public InvoiceListener(DocumentService documents, JsonMapper json) {
        this.documents = documents;
        this.json = json;
    }

    @KafkaListener(id = "dossier-invoices", groupId = "dossier-service", topics = Topics.BILLING)
    public void onBillingEvent(ConsumerRecord<String, String> record) {
        JsonNode envelope;
        try {
            envelope = json.readTree(record.value());
        } catch (RuntimeException e) {
            log.warn("Unreadable record skipped at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        if (envelope == null || !INVOICE_ISSUED.equals(envelope.path("type").asString(""))) {
            return;
        }
        InvoiceIssued invoice = json.treeToValue(envelope.get("data"), InvoiceIssued.class);
        documents.recordInvoice(UUID.fromString(envelope.get("id").asString()),
                Instant.parse(envelope.get("time").asString()), invoice);
    }

    /** The topic read here, created at start if missing (on Kubernetes, Strimzi's KafkaTopic owns it). */
    @Bean
    NewTopic billingEventsTopic() {
        return TopicBuilder.name(Topics.BILLING).partitions(3).build();
    }
}
