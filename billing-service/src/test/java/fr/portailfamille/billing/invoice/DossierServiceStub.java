package fr.portailfamille.billing.invoice;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.testsupport.BearerTokens;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Stands in for dossier-service's {@code POST /internal/dossiers/billing-profiles} in billing-service's
 * own tests, speaking its JSON ({numbers} → {profiles: [...]} for the known numbers only), so that an
 * unknown dossier and dossier-service being down can be chosen; the real dossier-service answers in e2e.
 * Like the real one, it refuses (403) a token without the realm role {@code invoicing}.
 */
final class DossierServiceStub {

    enum Answer { PROFILES, FAILURE }

    /**
     * Known dossiers: 6000 the seed's family with its key, 6001 without a readable key, 6002 another family;
     * and any number from 7000 to 7999 (the direct-debit tests' families).
     */
    static final Map<String, String> PROFILES = Map.of(
            "6000", """
                    {"number":"6000","familyName":"Famille DURAND","email":"durand.6000@example.test",
                     "addressLines":["12 rue des Écoles"],"postcode":"66130","city":"Ille-sur-Têt","accessKey":"K7PX2M9Q"}""",
            "6001", """
                    {"number":"6001","familyName":"Famille MARTIN","email":"martin.6001@example.test",
                     "addressLines":[],"postcode":null,"city":null,"accessKey":null}""",
            "6002", """
                    {"number":"6002","familyName":"Famille GARCIA","email":"garcia.6002@example.test",
                     "addressLines":["3 place de la Mairie","Bâtiment B"],"postcode":"66170","city":"Millas","accessKey":"ABCD2345"}""");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpServer server;
    final AtomicReference<Answer> answer = new AtomicReference<>(Answer.PROFILES);
    final AtomicReference<String> lastAuthorization = new AtomicReference<>();
    final AtomicReference<JsonNode> lastBody = new AtomicReference<>();
    final AtomicInteger calls = new AtomicInteger();

    DossierServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/dossiers/billing-profiles", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    private void answer(HttpExchange exchange) throws IOException {
        calls.incrementAndGet();
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        lastAuthorization.set(authorization);
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        lastBody.set(body);
        if (answer.get() == Answer.FAILURE) {
            reply(exchange, 500, "{}");
            return;
        }
        if (!hasInvoicingRole(authorization)) {
            reply(exchange, 403, "{\"detail\":\"Vous n'avez pas les droits nécessaires.\"}");
            return;
        }
        List<String> profiles = new ArrayList<>();
        for (JsonNode number : body.get("numbers")) {
            String profile = PROFILES.get(number.asString());
            if (profile == null && number.asString().matches("7[0-9]{3}")) {
                // The direct-debit tests' own dossiers: one family each, so that each test signs its own mandate.
                profile = """
                        {"number":"%1$s","familyName":"Famille %1$s","email":"%1$s@example.test",
                         "addressLines":["1 rue du Test"],"postcode":"66500","city":"Prades","accessKey":"EFGH2345"}"""
                        .formatted(number.asString());
            }
            if (profile != null) {
                profiles.add(profile);
            }
        }
        reply(exchange, 200, "{\"profiles\":[" + String.join(",", profiles) + "]}");
    }

    /** The token's realm roles hold {@code invoicing} (its signature is Keycloak's business; the real service checks it). */
    static boolean hasInvoicingRole(String authorization) {
        return BearerTokens.hasRealmRole(authorization, "invoicing");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
