package fr.portailfamille.dossier.document;

import fr.portailfamille.dossier.events.IncomingEvents;
import fr.portailfamille.events.EventEnvelope;
import fr.portailfamille.events.PortalEvent;
import fr.portailfamille.events.Topics;
import fr.portailfamille.events.billing.InvoiceIssued;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.config.TopicBuilder;
import tools.jackson.databind.json.JsonMapper;

import java.util.Optional;

/**
 * Invoices join « Mes documents » through billing-service's InvoiceIssued events, so that the
 * family's list of documents is one call to dossier-service. Records are read through
 * {@link IncomingEvents}: other billing events and types this build does not know are skipped; a record
 * that is not an event (or whose data does not fit its type) is logged and skipped: it can never
 * become one by retrying.
 */
@Configuration
public class InvoiceListener {

    private final DocumentService documents;
    private final IncomingEvents events;

    public InvoiceListener(DocumentService documents, JsonMapper json) {
        this.documents = documents;
        this.events = new IncomingEvents(json);
    }

    @KafkaListener(id = "dossier-invoices", groupId = "dossier-service", topics = Topics.BILLING)
    public void onBillingEvent(ConsumerRecord<String, String> record) {
        Optional<EventEnvelope<PortalEvent>> event = events.read(record);
        if (event.isPresent() && event.get().data() instanceof InvoiceIssued invoice) {
            documents.recordInvoice(event.get().id(), event.get().time(), invoice);
        }
    }

    /** The topic read here, created at start if missing (on Kubernetes, Strimzi's KafkaTopic owns it). */
    @Bean
    NewTopic billingEventsTopic() {
        return TopicBuilder.name(Topics.BILLING).partitions(3).build();
    }
}
