package fr.portailfamille.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.PortalSession;

/**
 * The 10,000 conversations of issue 11's inbox measurement, in one service (Service Jeunesse), kept
 * between runs: a run adds only what is missing (their subjects start with {@code Bench messagerie n° }).
 * <p>
 * How: four <em>model</em> conversations are made through the gateway as a family and an agent make them
 * (the bench family of dossier 8000 writes; {@code agent.jeunesse} opens, takes, answers, closes): one
 * Nouveau, one En cours, one Répondu, one Clos. Their rows — conversation, messages, family contact,
 * handling steps, read marks — are then copied by SQL into the local stack's messaging database,
 * column for column, in one transaction: new ids from the tables' own sequences, the dossier (8000–8099),
 * its family account (subject, username, name, e-mail of the bench account {@code bench.messagerie.80xx}
 * made in Keycloak), theme, subject and times changed, everything else as the service wrote it. The
 * copies are 20 % Nouveau (« Non attribués »), 10 % En cours, 30 % Répondu, 40 % Clos, one every
 * 13 minutes over the last 90 days. Only the events are not copied (no MessageSent / MessageReplied:
 * no digest or e-mail for them). See bench/README.md for why not 10,000 calls of the families' API.
 */
final class MessagingSeed {

    static final String SERVICE = "jeunesse";
    static final String COPY_PREFIX = "Bench messagerie n° ";
    static final String MODEL_PREFIX = "Bench messagerie modèle ";
    static final int FIRST_DOSSIER = 8000;
    static final int DOSSIERS = 100;
    static final String MODEL_DOSSIER = String.valueOf(FIRST_DOSSIER);
    private static final Duration SPACING = Duration.ofMinutes(13);

    /** The four models, by the state an agent left them in. */
    enum Model {
        NEW("Nouveau"), IN_PROGRESS("En cours"), ANSWERED("Répondu"), CLOSED("Clos");

        final String label;

        Model(String label) {
            this.label = label;
        }

        String subject() {
            return MODEL_PREFIX + (ordinal() + 1) + "/4 (" + label + ")";
        }

        /** Copy {@code n}'s model: 2 in 10 Nouveau, 1 En cours, 3 Répondu, 4 Clos. */
        static Model of(int n) {
            int r = n % 10;
            return r < 2 ? NEW : r < 3 ? IN_PROGRESS : r < 6 ? ANSWERED : CLOSED;
        }
    }

    private static final String[] TOPICS = {
            "inscription au centre de loisirs de juillet", "tarif de l'accueil du mercredi",
            "accès au portail pour le second parent", "attestation pour le comité d'entreprise",
            "séjour montagne des vacances d'hiver", "changement d'horaire de l'accueil du soir",
            "dossier sanitaire à mettre à jour", "annulation d'une journée d'activité"};

    /** A bench family account: dossier, Keycloak subject, username, the name and e-mail its token carries. */
    record Family(String dossier, String subject, String username, String name, String email) {
    }

    /** What the seeding found and did. */
    record Seeded(int copies, int added, double seconds) {
    }

    private final Bench.Options options;

    MessagingSeed(Bench.Options options) {
        this.options = options;
    }

    static String familyUsername(int dossier) {
        return "bench.messagerie." + dossier;
    }

    static String familyPassword(int dossier) {
        return "Bench-Messagerie-" + dossier + "-Local";
    }

    static String familyEmail(int dossier) {
        return "bench.messagerie." + dossier + "@example.test";
    }

    /** Makes sure {@code options.conversations()} copies are there; adds only the missing ones. */
    Seeded ensure(PortalSession agent) {
        int wanted = options.conversations();
        long begin = System.nanoTime();
        try (Connection db = DriverManager.getConnection(options.messagingDb(), "portail", "portail")) {
            int existing = count(db);
            if (existing >= wanted) {
                System.out.println("Already seeded: " + existing + " bench conversations in service " + SERVICE + ".");
                return new Seeded(existing, 0, 0);
            }
            System.out.println(existing + " bench conversations in service " + SERVICE + ", adding " + (wanted - existing)
                    + "...");
            KeycloakAdmin keycloak = new KeycloakAdmin(options.keycloakUrl());
            Map<String, Family> families = new LinkedHashMap<>();
            for (int i = 0; i < DOSSIERS; i++) {
                int number = FIRST_DOSSIER + i;
                Portal.ensureDossier(agent, String.valueOf(number), "BENCH-" + number, "bench." + number + "@example.test");
                String id = keycloak.ensureFamily(familyUsername(number), familyPassword(number), String.valueOf(number),
                        familyEmail(number));
                families.put(String.valueOf(number), new Family(String.valueOf(number), id, familyUsername(number),
                        "Famille BENCH-" + number, familyEmail(number)));
            }
            Map<Model, Long> models = models(db, agent, families.get(MODEL_DOSSIER));
            List<Long> themes;
            try (Statement query = db.createStatement()) {
                themes = longs(query.executeQuery("select id from theme where service_code = '" + SERVICE
                        + "' and active order by id"));
            }
            copy(db, models, families, themes, existing, wanted);
            double seconds = (System.nanoTime() - begin) / 1e9;
            return new Seeded(count(db), wanted - existing, seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("Messaging database " + options.messagingDb() + ": " + e.getMessage(), e);
        }
    }

    private static int count(Connection db) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select count(*) from conversation where service_code = ? and subject like ?")) {
            query.setString(1, SERVICE);
            query.setString(2, COPY_PREFIX + "%");
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The four models' ids, made through the gateway the first time (and again if one was changed since). */
    private Map<Model, Long> models(Connection db, PortalSession agent, Family family) throws SQLException {
        Map<Model, Long> ids = new LinkedHashMap<>();
        PortalSession familySession = null;
        long theme = -1;
        for (Model model : Model.values()) {
            Long made = modelId(db, model);
            if (made != null) {
                ids.put(model, made);
                continue;
            }
            if (familySession == null) {
                familySession = PortalSession.login(options.portalUrl(), family.username(),
                        familyPassword(FIRST_DOSSIER));
                familySession.acceptCurrentCgu();
                try (Statement query = db.createStatement(); ResultSet rs = query.executeQuery(
                        "select min(id) from theme where service_code = '" + SERVICE + "' and active")) {
                    rs.next();
                    theme = rs.getLong(1);
                }
            }
            ApiClient.Response started = familySession.post("/api/messaging/conversations", "{\"service\":\"" + SERVICE
                    + "\",\"theme\":" + theme + ",\"subject\":\"" + model.subject() + "\",\"body\":\"Bonjour,\\n"
                    + "Je souhaite inscrire mon fils Léo (8 ans) au centre de loisirs pour les deux premières semaines "
                    + "de juillet. Quels documents faut-il fournir, et avant quelle date ?\\nMerci d'avance.\"}");
            expect(started, 201, "model " + model.label);
            long id = started.json().get("id").asLong();
            String path = "/api/messaging/agent/conversations/" + id;
            if (model != Model.NEW) {
                expect(agent.get(path), 200, "agent opens model " + model.label);
                expect(agent.post(path + "/take", "{}"), 200, "agent takes model " + model.label);
            }
            if (model == Model.ANSWERED || model == Model.CLOSED) {
                expect(agent.post(path + "/messages", "{\"body\":\"Bonjour,\\nL'inscription se fait avec la fiche "
                        + "d'inscription et le dossier sanitaire, à déposer avant le 15 juin. Vous trouverez la fiche dans "
                        + "« Je m'informe ».\\nCordialement,\\nLe Service Jeunesse\"}"), 201,
                        "agent answers model " + model.label);
            }
            if (model == Model.CLOSED) {
                expect(agent.post(path + "/close", "{}"), 200, "agent closes model " + model.label);
            }
            if (!Objects.equals(modelId(db, model), id)) {
                throw new IllegalStateException("Model " + model.label + " (conversation " + id + ") not as expected");
            }
            System.out.println("Model " + model.label + ": conversation " + id + " made through the gateway");
            ids.put(model, id);
        }
        return ids;
    }

    /** The model's conversation if it is there as the bench made it (its status, no attachment), else null. */
    private static Long modelId(Connection db, Model model) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select c.id from conversation c
                where c.service_code = ? and c.dossier_number = ? and c.subject = ? and c.status = ?
                  and not exists (select 1 from message m join message_attachment a on a.message_id = m.id
                                  where m.conversation_id = c.id)
                order by c.id desc limit 1""")) {
            query.setString(1, SERVICE);
            query.setString(2, MODEL_DOSSIER);
            query.setString(3, model.subject());
            query.setString(4, model.name());
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    /** A table's rows for one conversation, column for column. */
    private record Rows(String table, List<String> columns, List<String> types, List<List<Object>> rows) {

        int column(String name) {
            return columns.indexOf(name);
        }
    }

    private static Rows rows(Connection db, String table, String where, long id, String order) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("select * from " + table + " where " + where + " = ? order by "
                + order)) {
            query.setLong(1, id);
            try (ResultSet rs = query.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                List<String> types = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    columns.add(meta.getColumnName(i));
                    types.add(meta.getColumnTypeName(i));
                }
                List<List<Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.add(types.get(i - 1).equals("timestamptz") ? rs.getObject(i, OffsetDateTime.class)
                                : rs.getObject(i));
                    }
                    rows.add(row);
                }
                return new Rows(table, columns, types, rows);
            }
        }
    }

    /** One model's rows in the five tables. */
    private record ModelRows(Rows conversation, Rows messages, Rows contacts, Rows steps, Rows reads) {
    }

    private void copy(Connection db, Map<Model, Long> models, Map<String, Family> families, List<Long> themes,
                      int existing, int wanted) throws SQLException {
        Map<Model, ModelRows> source = new HashMap<>();
        for (Map.Entry<Model, Long> model : models.entrySet()) {
            long id = model.getValue();
            source.put(model.getKey(), new ModelRows(rows(db, "conversation", "id", id, "id"),
                    rows(db, "message", "conversation_id", id, "id"),
                    rows(db, "conversation_family_contact", "conversation_id", id, "account_subject"),
                    rows(db, "conversation_step", "conversation_id", id, "happened_at"),
                    rows(db, "conversation_read", "conversation_id", id, "reader")));
        }
        // The model family as the service wrote it (token's subject, username, name, e-mail); each copy's
        // family: its dossier's Keycloak account, the same name and e-mail with its dossier number.
        ModelRows first = source.get(Model.NEW);
        List<Object> contact = first.contacts().rows().get(0);
        Family modelFamily = new Family(MODEL_DOSSIER, (String) contact.get(first.contacts().column("account_subject")),
                (String) first.conversation().rows().get(0).get(first.conversation().column("created_by")),
                (String) first.conversation().rows().get(0).get(first.conversation().column("family_name")),
                (String) contact.get(first.contacts().column("email")));
        Family account = families.get(MODEL_DOSSIER);
        if (!modelFamily.subject().equals(account.subject()) || !modelFamily.username().equals(account.username())
                || !modelFamily.name().contains(MODEL_DOSSIER)) {
            throw new IllegalStateException("The models' family " + modelFamily + " is not the bench account " + account);
        }
        Map<String, Family> copies = new HashMap<>();
        families.forEach((dossier, keycloak) -> copies.put(dossier, new Family(dossier, keycloak.subject(),
                keycloak.username(), modelFamily.name().replace(MODEL_DOSSIER, dossier),
                modelFamily.email() == null ? null : modelFamily.email().replace(MODEL_DOSSIER, dossier))));
        int count = wanted - existing;
        db.setAutoCommit(false);
        List<Long> conversationIds = ids(db, "conversation", count);
        int messagesNeeded = 0;
        for (int n = existing + 1; n <= wanted; n++) {
            messagesNeeded += source.get(Model.of(n)).messages().rows().size();
        }
        List<Long> messageIds = ids(db, "message", messagesNeeded);
        // In the order of the foreign keys: conversations first (each table's batch is sent in this order).
        Map<String, PreparedStatement> inserts = new LinkedHashMap<>();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        int nextMessage = 0;
        for (int n = existing + 1; n <= wanted; n++) {
            ModelRows model = source.get(Model.of(n));
            Family family = copies.get(String.valueOf(FIRST_DOSSIER + n % DOSSIERS));
            long conversationId = conversationIds.get(n - existing - 1);
            List<Object> modelConversation = model.conversation().rows().get(0);
            OffsetDateTime modelStart = (OffsetDateTime) modelConversation.get(model.conversation().column("created_at"));
            OffsetDateTime start = now.minus(SPACING.multipliedBy(wanted - n));
            Duration shift = Duration.between(modelStart, start);
            Map<Object, Object> messageIdOf = new HashMap<>();
            for (List<Object> message : model.messages().rows()) {
                messageIdOf.put(message.get(model.messages().column("id")), messageIds.get(nextMessage++));
            }
            Map<String, Object> conversationChanges = new HashMap<>();
            conversationChanges.put("id", conversationId);
            conversationChanges.put("dossier_number", family.dossier());
            conversationChanges.put("family_name", family.name());
            conversationChanges.put("theme_id", themes.get((n / 10) % themes.size()));
            conversationChanges.put("subject", String.format(Locale.ROOT, "%s%05d : %s", COPY_PREFIX, n,
                    TOPICS[(n / 7) % TOPICS.length]));
            for (String column : List.of("last_family_message_id", "last_agent_message_id")) {
                Object modelId = modelConversation.get(model.conversation().column(column));
                conversationChanges.put(column, modelId == null ? null : messageIdOf.get(modelId));
            }
            insert(db, inserts, model.conversation(), conversationChanges, Map.of(), shift, modelFamily, family);
            for (List<Object> message : model.messages().rows()) {
                insert(db, inserts, new Rows("message", model.messages().columns(), model.messages().types(),
                                List.of(message)),
                        Map.of("id", messageIdOf.get(message.get(model.messages().column("id"))),
                                "conversation_id", conversationId), Map.of(), shift, modelFamily, family);
            }
            Map<String, Object> owned = Map.of("conversation_id", conversationId);
            insert(db, inserts, model.contacts(), owned, Map.of(), shift, modelFamily, family);
            insert(db, inserts, model.steps(), owned, Map.of(), shift, modelFamily, family);
            insert(db, inserts, model.reads(), owned, Map.of("read_message_id", messageIdOf), shift, modelFamily, family);
        }
        for (PreparedStatement insert : inserts.values()) {
            insert.executeBatch();
            insert.close();
        }
        db.commit();
        db.setAutoCommit(true);
        try (Statement analyze = db.createStatement()) {
            // What autovacuum does within a minute of such an insert, done now so that the plans are the same from the start.
            analyze.execute("analyze conversation, message, conversation_family_contact, conversation_step, conversation_read");
        }
    }

    /** {@code count} new ids from the table's own sequence (the service's next rows get the following ones). */
    private static List<Long> ids(Connection db, String table, int count) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(
                "select nextval(pg_get_serial_sequence(?, 'id')) from generate_series(1, ?)")) {
            query.setString(1, table);
            query.setInt(2, count);
            try (ResultSet rs = query.executeQuery()) {
                return longs(rs);
            }
        }
    }

    private static List<Long> longs(ResultSet rs) throws SQLException {
        List<Long> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getLong(1));
        }
        rs.close();
        return values;
    }

    /**
     * Adds the rows to the table's batch: {@code changes} replace columns, {@code mapped} map a column's
     * value (a message id), times are shifted and the model family's subject, username, name and e-mail
     * become the copy's; every other value is the model's.
     */
    private static void insert(Connection db, Map<String, PreparedStatement> inserts, Rows rows,
                               Map<String, Object> changes, Map<String, Map<Object, Object>> mapped, Duration shift,
                               Family from, Family to) throws SQLException {
        PreparedStatement insert = inserts.get(rows.table());
        if (insert == null) {
            insert = db.prepareStatement("insert into " + rows.table() + " (" + String.join(", ", rows.columns())
                    + ") values (" + String.join(", ", rows.columns().stream().map(c -> "?").toList()) + ")");
            inserts.put(rows.table(), insert);
        }
        for (List<Object> row : rows.rows()) {
            for (int i = 0; i < rows.columns().size(); i++) {
                String column = rows.columns().get(i);
                Object value = row.get(i);
                if (changes.containsKey(column)) {
                    value = changes.get(column);
                } else if (mapped.containsKey(column)) {
                    value = Objects.requireNonNull(mapped.get(column).get(value), column + " " + value);
                } else if (value instanceof OffsetDateTime time) {
                    value = time.plus(shift);
                } else if (value instanceof String text) {
                    value = text.equals(from.subject()) ? to.subject() : text.equals(from.username()) ? to.username()
                            : text.equals(from.name()) ? to.name() : text.equals(from.email()) ? to.email() : text;
                }
                insert.setObject(i + 1, value);
            }
            insert.addBatch();
        }
    }

    private static void expect(ApiClient.Response answer, int status, String what) {
        if (answer.status() != status) {
            throw new IllegalStateException(what + ": " + answer);
        }
    }
}
