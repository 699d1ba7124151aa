package fr.portailfamille.messaging.inbox;

import fr.portailfamille.messaging.catalogue.Catalogue;
import fr.portailfamille.messaging.catalogue.Department;
import fr.portailfamille.messaging.conversation.ConversationStatus;
import fr.portailfamille.messaging.conversation.Conversations;
import fr.portailfamille.platform.problem.ApiProblem;
import fr.portailfamille.platform.security.PortalPrincipal;
import fr.portailfamille.platform.text.Texts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The listings, newest first and paged, read with SQL (one query for the page, one for the total).
 * Unread: for a family account, a service's message newer than what this account read; for an agent,
 * a family's message newer than what this agent read (README « Unread »).
 */
@Service
public class Inboxes {

    private final JdbcClient jdbc;
    private final Catalogue catalogue;

    public Inboxes(JdbcClient jdbc, Catalogue catalogue) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
    }

    /** A conversation in a family's mailbox; {@code date}: the service's last answer (received) or the family's last message (sent). */
    public record FamilyItem(long id, String serviceCode, String serviceName, String themeName, String subject,
                             ConversationStatus status, String statusLabel, Instant date, boolean unread) {
    }

    /** A conversation in an agent's inbox. */
    public record AgentItem(long id, String dossierNumber, String familyName, String serviceCode, String serviceName,
                            long themeId, String themeName, String subject, ConversationStatus status,
                            String statusLabel, String assignedTo, String assignedName, Instant lastMessageAt,
                            boolean unread) {
    }

    /**
     * A service of the agent: how many of its conversations this agent has not read, and how many nobody
     * took yet among those still open (« Non attribués »).
     */
    public record ServiceUnread(String serviceCode, String serviceName, long unread, long unassigned) {
    }

    /** What an agent asks of the inbox: every filter is optional ({@code service} null: all the agent's services). */
    public record AgentQuery(String service, Box box, Long theme, ConversationStatus status, String text, int page,
                             int size) {
    }

    @Transactional(readOnly = true)
    public Page<FamilyItem> family(PortalPrincipal family, FamilyBox box, int page, int size) {
        String dossier = Conversations.dossierOf(family);
        String where = box == FamilyBox.RECEIVED ? " and c.last_agent_message_id is not null" : " and c.last_family_message_id is not null";
        String order = box == FamilyBox.RECEIVED ? "c.last_agent_message_at" : "c.last_family_message_at";
        long total = jdbc.sql("select count(*) from conversation c where c.dossier_number = :dossier" + where)
                .param("dossier", dossier).query(Long.class).single();
        List<FamilyItem> items = jdbc.sql("""
                        select c.id, c.service_code, d.name as service_name, t.name as theme_name, c.subject, c.status,
                               %1$s as date,
                               coalesce(c.last_agent_message_id > coalesce(r.read_message_id, 0), false) as unread
                        from conversation c
                        join department d on d.code = c.service_code
                        join theme t on t.id = c.theme_id
                        left join conversation_read r on r.conversation_id = c.id and r.reader = :reader
                        where c.dossier_number = :dossier %2$s
                        order by %1$s desc, c.id desc
                        limit :limit offset :offset""".formatted(order, where))
                .param("dossier", dossier).param("reader", family.subject())
                .param("limit", size).param("offset", (long) page * size)
                .query((rs, n) -> {
                    ConversationStatus status = ConversationStatus.valueOf(rs.getString("status"));
                    return new FamilyItem(rs.getLong("id"), rs.getString("service_code"), rs.getString("service_name"),
                            rs.getString("theme_name"), rs.getString("subject"), status, status.label(),
                            instant(rs, "date"), rs.getBoolean("unread"));
                })
                .list();
        return new Page<>(items, page, size, total);
    }

    /** How many of the dossier's conversations have an answer this account has not read (the header's count). */
    @Transactional(readOnly = true)
    public long familyUnread(PortalPrincipal family) {
        return jdbc.sql("""
                        select count(*) from conversation c
                        left join conversation_read r on r.conversation_id = c.id and r.reader = :reader
                        where c.dossier_number = :dossier
                          and c.last_agent_message_id > coalesce(r.read_message_id, 0)""")
                .param("dossier", Conversations.dossierOf(family)).param("reader", family.subject())
                .query(Long.class).single();
    }

    @Transactional(readOnly = true)
    public Page<AgentItem> agent(PortalPrincipal agent, AgentQuery query) {
        List<String> services = servicesAsked(agent, query.service());
        if (services.isEmpty()) {
            return new Page<>(List.of(), query.page(), query.size(), 0);
        }
        StringBuilder where = new StringBuilder(" where c.service_code in (:services)");
        Map<String, Object> params = new HashMap<>();
        params.put("services", services);
        params.put("reader", agent.subject());
        if (query.box() == Box.UNASSIGNED) {
            where.append(" and c.assigned_to is null");
        } else if (query.box() == Box.MINE) {
            where.append(" and c.assigned_to = :me");
            params.put("me", agent.auditName());
        }
        if (query.theme() != null) {
            where.append(" and c.theme_id = :theme");
            params.put("theme", query.theme());
        }
        if (query.status() != null) {
            where.append(" and c.status = :status");
            params.put("status", query.status().name());
        }
        String text = query.text() == null ? "" : query.text().strip();
        if (!text.isEmpty()) {
            where.append(" and (c.dossier_number like :numberPrefix escape '\\' or ")
                    .append(Texts.sqlFoldAccents("c.family_name")).append(" like :folded escape '\\')");
            params.put("numberPrefix", escapeLike(text) + "%");
            params.put("folded", "%" + escapeLike(Texts.foldAccents(text)) + "%");
        }
        long total = jdbc.sql("select count(*) from conversation c" + where).params(params).query(Long.class).single();
        params.put("limit", query.size());
        params.put("offset", (long) query.page() * query.size());
        List<AgentItem> items = jdbc.sql("""
                        select c.id, c.dossier_number, c.family_name, c.service_code, d.name as service_name,
                               c.theme_id, t.name as theme_name, c.subject, c.status, c.assigned_to, c.assigned_name,
                               c.last_message_at,
                               coalesce(c.last_family_message_id > coalesce(r.read_message_id, 0), false) as unread
                        from conversation c
                        join department d on d.code = c.service_code
                        join theme t on t.id = c.theme_id
                        left join conversation_read r on r.conversation_id = c.id and r.reader = :reader
                        """ + where + """
                         order by c.last_message_at desc, c.id desc
                        limit :limit offset :offset""")
                .params(params)
                .query((rs, n) -> {
                    ConversationStatus status = ConversationStatus.valueOf(rs.getString("status"));
                    return new AgentItem(rs.getLong("id"), rs.getString("dossier_number"), rs.getString("family_name"),
                            rs.getString("service_code"), rs.getString("service_name"), rs.getLong("theme_id"),
                            rs.getString("theme_name"), rs.getString("subject"), status, status.label(),
                            rs.getString("assigned_to"), rs.getString("assigned_name"),
                            instant(rs, "last_message_at"), rs.getBoolean("unread"));
                })
                .list();
        return new Page<>(items, query.page(), query.size(), total);
    }

    /** Each of the agent's services (as the catalogue knows them, retired ones included) and its unread conversations. */
    @Transactional(readOnly = true)
    public List<ServiceUnread> agentUnread(PortalPrincipal agent) {
        List<String> services = servicesAsked(agent, null);
        if (services.isEmpty()) {
            return List.of();
        }
        Map<String, Long> unread = new HashMap<>();
        Map<String, Long> unassigned = new HashMap<>();
        jdbc.sql("""
                        select c.service_code,
                               count(*) filter (where c.last_family_message_id > coalesce(r.read_message_id, 0)) as unread,
                               count(*) filter (where c.assigned_to is null and c.status <> 'CLOSED') as unassigned
                        from conversation c
                        left join conversation_read r on r.conversation_id = c.id and r.reader = :reader
                        where c.service_code in (:services)
                        group by c.service_code""")
                .param("services", services).param("reader", agent.subject())
                .query(rs -> {
                    unread.put(rs.getString("service_code"), rs.getLong("unread"));
                    unassigned.put(rs.getString("service_code"), rs.getLong("unassigned"));
                });
        Map<String, Department> known = catalogue.departmentsByCode();
        List<ServiceUnread> result = new ArrayList<>();
        for (String code : services) {
            result.add(new ServiceUnread(code, known.get(code).getName(), unread.getOrDefault(code, 0L),
                    unassigned.getOrDefault(code, 0L)));
        }
        return result;
    }

    /** The agent's services the catalogue knows, sorted by name; only {@code service} when asked (403 if not theirs). */
    private List<String> servicesAsked(PortalPrincipal agent, String service) {
        Map<String, Department> known = catalogue.departmentsByCode();
        if (service != null && !service.isBlank()) {
            if (!Catalogue.belongs(agent, service) || !known.containsKey(service)) {
                throw ApiProblem.forbidden("service-non-autorise", "inbox.not-member", service);
            }
            return List.of(service);
        }
        return agent.services().stream().filter(known::containsKey).filter(code -> Catalogue.belongs(agent, code))
                .distinct()
                .sorted((a, b) -> known.get(a).getName().compareToIgnoreCase(known.get(b).getName()))
                .toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
