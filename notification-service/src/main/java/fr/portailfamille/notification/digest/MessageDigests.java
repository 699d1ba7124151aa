package fr.portailfamille.notification.digest;

import fr.portailfamille.events.messaging.MessageSent;
import fr.portailfamille.notification.template.MailTemplates;
import fr.portailfamille.platform.branding.Branding;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The agents' digest of the families' messages. Each MessageSent is kept once (its event id is
 * unique: Kafka's redeliveries count once); at each check, every service with messages not yet listed
 * whose last digest is at least {@code digest-interval} old gets ONE mail listing its conversations,
 * then those messages are marked with it. A service's row is locked ({@code select … for update}) from
 * the choice to the marking, so two instances never send the same digest; an SMTP failure rolls back
 * and the next check tries again. Never a message's body (the events carry none).
 */
@Service
public class MessageDigests {

    static final String TEMPLATE = "messaging/digest/NewMessages";
    private static final Logger log = LoggerFactory.getLogger(MessageDigests.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final MailTemplates templates;
    private final JavaMailSender mailSender;
    private final Branding branding;
    private final MessagingProperties properties;
    private final Clock clock;

    public MessageDigests(JdbcClient jdbc, TransactionTemplate transactions, MailTemplates templates,
                          JavaMailSender mailSender, Branding branding, MessagingProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.templates = templates;
        this.mailSender = mailSender;
        this.branding = branding;
        this.properties = properties;
        this.clock = clock;
    }

    /** Keeps a family's message for its service's next digest; false if this event was already kept. */
    public boolean collect(UUID eventId, MessageSent message) {
        int inserted = jdbc.sql("""
                        insert into message_digest_entry (event_id, service_code, service_name, theme_name,
                            message_subject, dossier_number, family_name, conversation_id, new_conversation,
                            written_at, received_at)
                        values (:eventId, :serviceCode, :serviceName, :themeName, :subject, :dossier, :family,
                            :conversationId, :newConversation, :writtenAt, :receivedAt)
                        on conflict (event_id) do nothing""")
                .param("eventId", eventId)
                .param("serviceCode", message.serviceCode())
                .param("serviceName", message.serviceName())
                .param("themeName", message.themeName())
                .param("subject", message.messageSubject())
                .param("dossier", message.dossierNumber())
                .param("family", message.familyName())
                .param("conversationId", message.conversationId())
                .param("newConversation", message.newConversation())
                .param("writtenAt", Timestamp.from(message.sentAt() == null ? clock.instant() : message.sentAt()))
                .param("receivedAt", Timestamp.from(clock.instant()))
                .update();
        return inserted == 1;
    }

    /** How many of a service's messages wait for a digest. */
    public int pending(String serviceCode) {
        return jdbc.sql("select count(*) from message_digest_entry where service_code = :code and digest_sent_at is null")
                .param("code", serviceCode).query(Integer.class).single();
    }

    /** Sends every digest that is due; returns how many were sent. Each service in its own transaction. */
    public int sendDueDigests() {
        List<String> services = jdbc.sql("""
                        select distinct service_code from message_digest_entry where digest_sent_at is null
                        order by service_code""")
                .query(String.class).list();
        int sent = 0;
        for (String service : services) {
            try {
                if (Boolean.TRUE.equals(transactions.execute(status -> sendDigest(service)))) {
                    sent++;
                }
            } catch (RuntimeException e) {
                log.warn("The digest of service {} could not be sent (tried again at the next check): {}", service,
                        e.toString());
            }
        }
        return sent;
    }

    private boolean sendDigest(String service) {
        Instant now = clock.instant();
        jdbc.sql("insert into message_digest_service (service_code) values (:code) on conflict do nothing")
                .param("code", service).update();
        Timestamp last = jdbc.sql("select last_sent_at from message_digest_service where service_code = :code for update")
                .param("code", service).query(Timestamp.class).optional().orElse(null);
        if (last != null && last.toInstant().plus(properties.digestInterval()).isAfter(now)) {
            return false;
        }
        List<Entry> entries = jdbc.sql("""
                        select id, service_name, theme_name, message_subject, dossier_number, family_name,
                               conversation_id, new_conversation, written_at
                        from message_digest_entry where service_code = :code and digest_sent_at is null
                        order by written_at, id for update""")
                .param("code", service)
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("service_name"),
                        rs.getString("theme_name"), rs.getString("message_subject"), rs.getString("dossier_number"),
                        rs.getString("family_name"), rs.getLong("conversation_id"), rs.getBoolean("new_conversation"),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
        if (entries.isEmpty()) {
            return false;
        }
        String address = properties.serviceAddresses().get(service);
        if (address == null || address.isBlank()) {
            log.warn("{} message(s) to service {} wait for a digest but the service has no address "
                    + "(portal.notification.messaging.service-addresses.{}): no digest sent", entries.size(), service,
                    service);
            return false;
        }
        Digest digest = digest(service, entries);
        MailTemplates.RenderedMail mail = templates.render(TEMPLATE, Map.of("digest", digest));
        mailSender.send(mime -> {
            MimeMessageHelper message = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            try {
                message.setFrom(new InternetAddress(branding.senderAddress(), branding.portalName() + " — "
                        + branding.authorityName(), StandardCharsets.UTF_8.name()));
                message.setTo(new InternetAddress(address, digest.serviceName(), StandardCharsets.UTF_8.name()));
            } catch (UnsupportedEncodingException e) {
                throw new MailPreparationException(e);
            }
            message.setSubject(mail.subject());
            message.setText(mail.text(), mail.html());
        });
        jdbc.sql("update message_digest_entry set digest_sent_at = :now, digest_recipient = :address where id in (:ids)")
                .param("now", Timestamp.from(now)).param("address", address)
                .param("ids", entries.stream().map(Entry::id).toList()).update();
        jdbc.sql("update message_digest_service set last_sent_at = :now where service_code = :code")
                .param("now", Timestamp.from(now)).param("code", service).update();
        log.info("Digest « {} » of {} message(s) in {} conversation(s) sent to service {}", mail.subject(),
                entries.size(), digest.conversations().size(), service);
        return true;
    }

    private static Digest digest(String service, List<Entry> entries) {
        Map<Long, List<Entry>> byConversation = new LinkedHashMap<>();
        for (Entry entry : entries) {
            byConversation.computeIfAbsent(entry.conversationId(), id -> new ArrayList<>()).add(entry);
        }
        List<Conversation> conversations = new ArrayList<>();
        for (List<Entry> messages : byConversation.values()) {
            Entry latest = messages.get(messages.size() - 1);
            conversations.add(new Conversation(latest.conversationId(), latest.dossierNumber(), latest.familyName(),
                    latest.serviceName(), latest.themeName(), latest.messageSubject(),
                    messages.stream().anyMatch(Entry::newConversation), messages.size(), latest.writtenAt()));
        }
        conversations.sort(Comparator.comparing(Conversation::lastWrittenAt));
        String serviceName = entries.get(entries.size() - 1).serviceName();
        return new Digest(service, serviceName == null || serviceName.isBlank() ? service : serviceName,
                entries.size(), conversations);
    }

    private record Entry(long id, String serviceName, String themeName, String messageSubject, String dossierNumber,
                         String familyName, long conversationId, boolean newConversation, Instant writtenAt) {
    }

    /** What a digest mail lists: the service's conversations with new family messages, oldest first. */
    public record Digest(String serviceCode, String serviceName, int messages, List<Conversation> conversations) {
    }

    /**
     * One conversation of a digest: its « Objet », theme, dossier, the family, whether the family started
     * it since the last digest, how many messages it wrote and when the last one was written.
     */
    public record Conversation(long conversationId, String dossierNumber, String familyName, String serviceName,
                               String themeName, String messageSubject, boolean newConversation, int messages,
                               Instant lastWrittenAt) {
    }
}
