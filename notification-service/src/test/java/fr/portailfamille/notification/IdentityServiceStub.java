package fr.portailfamille.notification;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.portailfamille.testsupport.BearerTokens;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stands in for identity-service's {@code GET /internal/agents?service=…} in notification-service's tests,
 * speaking its JSON ({service, agents: [{id, username, email, name}]}), so that each test chooses a
 * service's agents and can make the directory fail for one service; identity-service's own test runs the
 * real one on the real Keycloak. Like the real one, it refuses (403) a token without the realm role
 * {@code agents-directory}: the token here is the real Keycloak's, got by notification-service itself.
 */
public final class IdentityServiceStub {

    /** An agent as the directory lists it (email null: none). */
    public record StubAgent(String id, String username, String email, String name) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static IdentityServiceStub shared;

    private final HttpServer server;
    private final Map<String, List<StubAgent>> agents = new ConcurrentHashMap<>();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    private IdentityServiceStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/internal/agents", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public static synchronized IdentityServiceStub shared() {
        if (shared == null) {
            shared = new IdentityServiceStub();
        }
        return shared;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The agents of {@code service} from now on. */
    public void agents(String service, StubAgent... of) {
        agents.put(service, List.of(of));
    }

    /** The directory fails (503) for {@code service} until {@link #up}. */
    public void down(String service) {
        down.add(service);
    }

    public void up(String service) {
        down.remove(service);
    }

    /** How many calls were answered with agents, and how many refused for want of the role. */
    public int answered() {
        return answered.get();
    }

    public int refused() {
        return refused.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String service = null;
        String query = exchange.getRequestURI().getRawQuery();
        for (String pair : query == null ? new String[0] : query.split("&")) {
            if (pair.startsWith("service=")) {
                service = URLDecoder.decode(pair.substring("service=".length()), StandardCharsets.UTF_8);
            }
        }
        if (!hasDirectoryRole(exchange.getRequestHeaders().getFirst("Authorization"))) {
            refused.incrementAndGet();
            reply(exchange, 403, "{\"detail\":\"Vous n'avez pas les droits nécessaires.\"}");
            return;
        }
        if (service == null || down.contains(service)) {
            reply(exchange, 503, "{\"detail\":\"L'annuaire des agents est momentanément indisponible.\"}");
            return;
        }
        ObjectNode body = JSON.createObjectNode().put("service", service);
        ArrayNode list = body.putArray("agents");
        for (StubAgent agent : agents.getOrDefault(service, List.of())) {
            list.addObject().put("id", agent.id()).put("username", agent.username()).put("email", agent.email())
                    .put("name", agent.name());
        }
        answered.incrementAndGet();
        reply(exchange, 200, JSON.writeValueAsString(body));
    }

    /** The token's realm roles hold {@code agents-directory} (its signature is Keycloak's business; the real service checks it). */
    private static boolean hasDirectoryRole(String authorization) {
        return BearerTokens.hasRealmRole(authorization, "agents-directory");
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
