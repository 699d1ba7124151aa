package fr.portailfamille.notification.consumer;

import fr.portailfamille.events.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes every {@code *.events} topic of the portal, one record at a time. */
@Component
public class EventListener {

    private final EventMailer mailer;

    public EventListener(EventMailer mailer) {
        this.mailer = mailer;
    }

    @KafkaListener(id = "notification-events", groupId = "notification-service",
            topics = {Topics.IDENTITY, Topics.DOSSIER, Topics.BILLING, Topics.MESSAGING})
    public void onEvent(ConsumerRecord<String, String> record) {
        mailer.handle(record.topic(), record.value());
    }
}
