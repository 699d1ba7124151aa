package fr.portailfamille.notification.digest;

import fr.portailfamille.events.messaging.MessageSent;
import fr.portailfamille.notification.directory.Agent;
import fr.portailfamille.notification.directory.AgentDirectory;
import fr.portailfamille.notification.directory.AgentDirectoryUnavailableException;
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
import java.util.Optional;
import java.util.UUID;

/**
 * The agents' digest of the families' messages. Each MessageSent is kept once (its event id is
 * unique: Kafka's redeliveries count once). At each check, for every service with messages some agent
 * may not have been told of, the service's agents are asked of identity-service ({@link AgentDirectory});
 * each agent with an e-mail whose last digest is at least {@code digest-interval} old gets ONE mail
 * listing the conversations it was not told of yet, then those messages are marked as told to that
 * agent ({@code message_digest_delivery}), in the same transaction as the sending. The service's row is
 * locked ({@code select … for update}) in each agent's transaction, so two instances never send the same
 * digest; an SMTP failure rolls back that agent's digest only, the next check tries it again; the
 * directory unreachable: nothing is sent nor marked, the next check asks again. Never a message's body.
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
    private final AgentDirectory directory;
    private final Clock clock;

    public MessageDigests(JdbcClient jdbc, TransactionTemplate transactions, MailTemplates templates,
                          JavaMailSender mailSender, Branding branding, MessagingProperties properties,
                          AgentDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.templates = templates;
        this.mailSender = mailSender;
        this.branding = branding;
        this.properties = properties;
        this.directory = directory;
        this.clock = clock;
    }

    /** Keeps a family's message for its service's next digests; false if this event was already kept. */
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

    /** How many of a service's messages were kept and not yet listed in any agent's digest. */
    public int pending(String serviceCode) {
        return jdbc.sql("select count(*) from message_digest_entry where service_code = :code and digest_sent_at is null")
                .param("code", serviceCode).query(Integer.class).single();
    }

    /** How many of a service's messages are kept at all (listed or not). */
    public int collected(String serviceCode) {
        return jdbc.sql("select count(*) from message_digest_entry where service_code = :code")
                .param("code", serviceCode).query(Integer.class).single();
    }

    /**
     * The services worth a look: a message a known agent was not told of while that agent's digest is
     * due, or a message nobody was told of in a service without any known agent (a new agent joins at
     * such a look, or at the next one due for another agent of its service: within one interval).
     */
    private List<String> servicesToLookAt(Instant now) {
        return jdbc.sql("""
                        select distinct e.service_code from message_digest_entry e
                        where exists (select 1 from message_digest_agent a
                                      where a.service_code = e.service_code
                                        and (a.last_sent_at is null or a.last_sent_at <= :dueBefore)
                                        and (e.digest_sent_at is null or e.digest_sent_at >= a.joined_at)
                                        and not exists (select 1 from message_digest_delivery d
                                                        where d.entry_id = e.id and d.agent_id = a.agent_id))
                           or (e.digest_sent_at is null
                               and not exists (select 1 from message_digest_agent a
                                               where a.service_code = e.service_code))
                        order by e.service_code""")
                .param("dueBefore", Timestamp.from(now.minus(properties.digestInterval())))
                .query(String.class).list();
    }

    /**
     * Sends every digest that is due; returns how many were sent (one per agent). Each agent's digest
     * in its own transaction.
     */
    public int sendDueDigests() {
        int sent = 0;
        for (String service : servicesToLookAt(clock.instant())) {
            List<Agent> agents;
            try {
                agents = directory.agentsOf(service);
            } catch (AgentDirectoryUnavailableException e) {
                log.warn("No digest for service {} at this check (tried again at the next one): {}", service,
                        e.getMessage());
                continue;
            }
            List<Agent> recipients = new ArrayList<>();
            for (Agent agent : agents) {
                if (agent.hasEmail()) {
                    recipients.add(agent);
                } else {
                    log.warn("Agent {} ({}) of service {} has no e-mail: no digest for this agent", agent.username(),
                            agent.id(), service);
                }
            }
            if (recipients.isEmpty()) {
                log.warn("{} message(s) to service {} wait for a digest but the service has no agent with an e-mail",
                        pending(service), service);
            }
            try {
                transactions.executeWithoutResult(status -> knowAgents(service, recipients));
            } catch (RuntimeException e) {
                log.warn("The agents of service {} could not be noted (tried again at the next check): {}", service,
                        e.toString());
                continue;
            }
            for (Agent agent : recipients) {
                try {
                    if (Boolean.TRUE.equals(transactions.execute(status -> sendDigest(service, agent)))) {
                        sent++;
                    }
                } catch (RuntimeException e) {
                    log.warn("The digest of service {} for agent {} could not be sent (tried again at the next check): {}",
                            service, agent.username(), e.toString());
                }
            }
        }
        return sent;
    }

    /** Under the service's lock: the agents gone (or without e-mail now) are forgotten, the new ones join now. */
    private void knowAgents(String service, List<Agent> recipients) {
        lockService(service);
        Timestamp now = Timestamp.from(clock.instant());
        List<String> ids = recipients.stream().map(Agent::id).toList();
        if (ids.isEmpty()) {
            jdbc.sql("delete from message_digest_agent where service_code = :code").param("code", service).update();
            return;
        }
        jdbc.sql("delete from message_digest_agent where service_code = :code and agent_id not in (:ids)")
                .param("code", service).param("ids", ids).update();
        for (Agent agent : recipients) {
            jdbc.sql("""
                            insert into message_digest_agent (service_code, agent_id, joined_at, email)
                            values (:code, :agent, :now, :email) on conflict do nothing""")
                    .param("code", service).param("agent", agent.id()).param("now", now).param("email", agent.email())
                    .update();
        }
    }

    private void lockService(String service) {
        jdbc.sql("insert into message_digest_service (service_code) values (:code) on conflict do nothing")
                .param("code", service).update();
        jdbc.sql("select service_code from message_digest_service where service_code = :code for update")
                .param("code", service).query(String.class).single();
    }

    private record KnownAgent(Instant joinedAt, Instant lastSentAt) {
    }

    private boolean sendDigest(String service, Agent agent) {
        lockService(service);
        Instant now = clock.instant();
        Optional<KnownAgent> known = jdbc.sql("""
                        select joined_at, last_sent_at from message_digest_agent
                        where service_code = :code and agent_id = :agent""")
                .param("code", service).param("agent", agent.id())
                .query((rs, row) -> new KnownAgent(rs.getTimestamp("joined_at").toInstant(),
                        rs.getTimestamp("last_sent_at") == null ? null : rs.getTimestamp("last_sent_at").toInstant()))
                .optional();
        if (known.isEmpty()) {
            return false; // forgotten meanwhile by another instance's newer look at the directory
        }
        Instant last = known.get().lastSentAt();
        if (last != null && last.plus(properties.digestInterval()).isAfter(now)) {
            return false;
        }
        List<Entry> entries = jdbc.sql("""
                        select e.id, e.service_name, e.theme_name, e.message_subject, e.dossier_number, e.family_name,
                               e.conversation_id, e.new_conversation, e.written_at
                        from message_digest_entry e
                        where e.service_code = :code
                          and (e.digest_sent_at is null or e.digest_sent_at >= :joinedAt)
                          and not exists (select 1 from message_digest_delivery d
                                          where d.entry_id = e.id and d.agent_id = :agent)
                        order by e.written_at, e.id""")
                .param("code", service).param("agent", agent.id())
                .param("joinedAt", Timestamp.from(known.get().joinedAt()))
                .query((rs, row) -> new Entry(rs.getLong("id"), rs.getString("service_name"),
                        rs.getString("theme_name"), rs.getString("message_subject"), rs.getString("dossier_number"),
                        rs.getString("family_name"), rs.getLong("conversation_id"), rs.getBoolean("new_conversation"),
                        rs.getTimestamp("written_at").toInstant()))
                .list();
        if (entries.isEmpty()) {
            return false;
        }
        Digest digest = digest(service, entries);
        MailTemplates.RenderedMail mail = templates.render(TEMPLATE, Map.of("digest", digest));
        mailSender.send(mime -> {
            MimeMessageHelper message = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
            try {
                message.setFrom(new InternetAddress(branding.senderAddress(), branding.portalName() + " — "
                        + branding.authorityName(), StandardCharsets.UTF_8.name()));
                message.setTo(agent.name() == null ? new InternetAddress(agent.email())
                        : new InternetAddress(agent.email(), agent.name(), StandardCharsets.UTF_8.name()));
            } catch (UnsupportedEncodingException | jakarta.mail.internet.AddressException e) {
                throw new MailPreparationException(e);
            }
            message.setSubject(mail.subject());
            message.setText(mail.text(), mail.html());
        });
        List<Long> ids = entries.stream().map(Entry::id).toList();
        Timestamp sentAt = Timestamp.from(now);
        jdbc.sql("""
                        insert into message_digest_delivery (entry_id, agent_id, sent_at, recipient)
                        select id, :agent, :now, :email from message_digest_entry where id in (:ids)""")
                .param("agent", agent.id()).param("now", sentAt).param("email", agent.email()).param("ids", ids)
                .update();
        jdbc.sql("update message_digest_entry set digest_sent_at = :now where id in (:ids) and digest_sent_at is null")
                .param("now", sentAt).param("ids", ids).update();
        jdbc.sql("""
                        update message_digest_agent set last_sent_at = :now, email = :email
                        where service_code = :code and agent_id = :agent""")
                .param("now", sentAt).param("email", agent.email()).param("code", service).param("agent", agent.id())
                .update();
        jdbc.sql("update message_digest_service set last_sent_at = :now where service_code = :code")
                .param("now", sentAt).param("code", service).update();
        log.info("Digest « {} » of {} message(s) in {} conversation(s) sent to agent {} of service {}", mail.subject(),
                entries.size(), digest.conversations().size(), agent.username(), service);
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
