package fr.portailfamille.messaging;

import fr.portailfamille.testsupport.ApiClient;
import fr.portailfamille.testsupport.Multipart;
import fr.portailfamille.testsupport.RunningService;
import fr.portailfamille.testsupport.TestKeycloak;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * messaging-service's API tests: the service on real PostgreSQL and Kafka, tokens from the test
 * issuer. Each test writes from dossiers of its own and, where it counts what agents see, to a
 * service of its own (created through the admin API), so that tests never see each other's data.
 */
public abstract class MessagingApiSupport extends RunningService {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime() % 46_000L, 36);
    private static final int DOSSIER_BASE = 1000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(7000);

    @Autowired
    protected JdbcClient jdbc;

    /** A dossier number no other test uses (the messaging only knows it from the token). */
    protected static String newDossier() {
        return Integer.toString(DOSSIER_BASE + SEQUENCE.incrementAndGet());
    }

    /** A service of the catalogue for this test alone, with the themes « Inscriptions » and « Autre »; its code. */
    protected String newService() {
        String code = "t" + RUN + "-" + SEQUENCE.incrementAndGet();
        ApiClient.Response created = api().post("/api/messaging/admin/services", keycloak.admin(),
                "{\"code\":\"" + code + "\",\"name\":\"Service test " + code + "\"}");
        if (created.status() != 201) {
            throw new IllegalStateException(created.toString());
        }
        for (String theme : List.of("Inscriptions", "Autre")) {
            api().post("/api/messaging/admin/services/" + code + "/themes", keycloak.admin(),
                    "{\"name\":\"" + theme + "\"}");
        }
        return code;
    }

    protected String family(String dossier) {
        return keycloak.family(dossier);
    }

    /** The other guardian's account on the same dossier: another subject, name and address. */
    protected String otherGuardian(String dossier) {
        return keycloak.token(new TestKeycloak.Persona("garant2-" + dossier, "garant2." + dossier, "Marc DURAND",
                "marc." + dossier + "@example.test", List.of("famille"), dossier, List.of()));
    }

    /** A family account with the given display name (for the agents' search). */
    protected String familyNamed(String dossier, String name) {
        return keycloak.token(new TestKeycloak.Persona("famille-" + dossier, "famille." + dossier, name,
                "famille." + dossier + "@example.test", List.of("famille"), dossier, List.of()));
    }

    protected String agent(String... services) {
        return keycloak.agent(services);
    }

    protected long themeId(String service, String theme) {
        return jdbc.sql("select id from theme where service_code = ? and name = ?").params(service, theme)
                .query(Long.class).single();
    }

    /** A new conversation (JSON), checked 201; its JSON. */
    protected JsonNode start(String token, String service, String theme, String subject, String body) {
        ApiClient.Response response = api().post("/api/messaging/conversations", token, """
                {"service": "%s", "theme": %d, "subject": "%s", "body": "%s"}"""
                .formatted(service, themeId(service, theme), subject, body));
        if (response.status() != 201) {
            throw new IllegalStateException(response.toString());
        }
        return response.json();
    }

    protected ApiClient.Response startMultipart(String token, String service, String theme, Multipart files) {
        return api().post("/api/messaging/conversations", token, files
                .field("service", service)
                .field("theme", Long.toString(themeId(service, theme)))
                .field("subject", "Pièces demandées")
                .field("body", "Voici les documents."));
    }

    protected ApiClient.Response familyAnswers(String token, long id, String body) {
        return api().post("/api/messaging/conversations/" + id + "/messages", token,
                "{\"body\": \"" + body + "\"}");
    }

    protected ApiClient.Response agentAnswers(String token, long id, String body) {
        return api().post("/api/messaging/agent/conversations/" + id + "/messages", token,
                "{\"body\": \"" + body + "\"}");
    }

    protected JsonNode familyBox(String token, String box) {
        return api().get("/api/messaging/conversations?box=" + box + "&size=100", token).json();
    }

    protected long familyUnread(String token) {
        return api().get("/api/messaging/unread-count", token).json().get("unread").asLong();
    }

    protected long agentUnread(String token, String service) {
        for (JsonNode entry : api().get("/api/messaging/agent/unread-counts", token).json()) {
            if (entry.get("serviceCode").asString().equals(service)) {
                return entry.get("unread").asLong();
            }
        }
        throw new IllegalStateException("no count for " + service);
    }

    protected static List<Long> ids(JsonNode page) {
        return page.get("items").valueStream().map(i -> i.get("id").asLong()).toList();
    }

    protected long messagesOf(long conversation) {
        return jdbc.sql("select count(*) from message where conversation_id = ?").param(conversation)
                .query(Long.class).single();
    }

    protected String statusOf(long conversation) {
        return jdbc.sql("select status from conversation where id = ?").param(conversation).query(String.class).single();
    }
}
