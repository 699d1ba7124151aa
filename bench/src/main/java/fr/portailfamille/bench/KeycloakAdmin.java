package fr.portailfamille.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local Keycloak's admin API with its bootstrap admin (admin / admin, deploy/local): the bench's
 * family accounts, made as test-support's {@code KeycloakServer.createFamilyAccount} makes them
 * (attribute {@code dossier}, realm role {@code famille}), kept between runs.
 */
public final class KeycloakAdmin {

    private static final String REALM = "portail-famille";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public KeycloakAdmin(String url) {
        this.url = url;
    }

    /**
     * A family account for {@code dossier} with this password, created the first time; its Keycloak id
     * (the tokens' {@code sub}).
     */
    public String ensureFamily(String username, String password, String dossier, String email) {
        String token = token();
        JsonNode found = JSON.readTree(call(token, "GET", "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body());
        if (!found.isEmpty()) {
            String id = found.get(0).get("id").asString();
            ObjectNode credential = JSON.createObjectNode().put("type", "password").put("value", password)
                    .put("temporary", false);
            expect(call(token, "PUT", "/users/" + id + "/reset-password", JSON.writeValueAsString(credential)), 204,
                    "password of " + username);
            return found.get(0).get("id").asString();
        }
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username).put("email", email).put("firstName", "Famille")
                .put("lastName", "BENCH-" + dossier).put("enabled", true).put("emailVerified", true);
        user.putObject("attributes").putArray("dossier").add(dossier);
        user.putArray("credentials").addObject().put("type", "password").put("value", password).put("temporary", false);
        HttpResponse<String> created = call(token, "POST", "/users", JSON.writeValueAsString(user));
        expect(created, 201, "user " + username);
        String location = created.headers().firstValue("Location").orElseThrow();
        String userPath = location.substring(location.indexOf("/users/"));
        String role = call(token, "GET", "/roles/famille", null).body();
        expect(call(token, "POST", userPath + "/role-mappings/realm", "[" + role + "]"), 204, "role famille of " + username);
        System.out.println("Created the Keycloak account " + username + " (dossier " + dossier + ")");
        return userPath.substring("/users/".length());
    }

    /**
     * Forgets the brute-force detector's failures of {@code username} (a realm setting of the portal:
     * simultaneous logins of one account can count as failures and lock it for a minute).
     */
    public void clearLoginFailures(String username) {
        String token = token();
        JsonNode found = JSON.readTree(call(token, "GET", "/users?exact=true&username="
                + URLEncoder.encode(username, StandardCharsets.UTF_8), null).body());
        if (!found.isEmpty()) {
            expect(call(token, "DELETE", "/attack-detection/brute-force/users/" + found.get(0).get("id").asString(),
                    null), 204, "login failures of " + username);
        }
    }

    /**
     * An access token of a realm user as the gateway holds it (client {@code portal-gateway}, so with the
     * {@code dossier} and {@code services} claims), for calls straight to a service: password grant, which
     * this client does not allow, so allowed for that one request and forbidden again at once.
     */
    public String gatewayToken(String username, String password, String clientSecret) {
        String token = token();
        JsonNode client = JSON.readTree(call(token, "GET", "/clients?clientId=portal-gateway", null).body()).get(0);
        String path = "/clients/" + client.get("id").asString();
        boolean allowed = client.get("directAccessGrantsEnabled").asBoolean();
        if (!allowed) {
            ((ObjectNode) client).put("directAccessGrantsEnabled", true);
            expect(call(token, "PUT", path, JSON.writeValueAsString(client)), 204, "password grant on portal-gateway");
        }
        try {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + "/realms/" + REALM
                            + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal-gateway&client_secret="
                            + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8) + "&username="
                            + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                            + URLEncoder.encode(password, StandardCharsets.UTF_8))));
            expect(answer, 200, "token of " + username);
            return JSON.readTree(answer.body()).get("access_token").asString();
        } finally {
            if (!allowed) {
                ((ObjectNode) client).put("directAccessGrantsEnabled", false);
                expect(call(token(), "PUT", path, JSON.writeValueAsString(client)), 204, "password grant off again");
            }
        }
    }

    private String token() {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")));
        expect(answer, 200, "Keycloak admin token");
        return JSON.readTree(answer.body()).get("access_token").asString();
    }

    private HttpResponse<String> call(String token, String method, String realmPath, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + "/admin/realms/" + REALM + realmPath))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("Keycloak at " + url + " does not answer: is the local stack running?", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> answer, int status, String what) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(what + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
    }
}
