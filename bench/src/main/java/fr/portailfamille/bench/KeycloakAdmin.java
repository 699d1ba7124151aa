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
final class KeycloakAdmin {

    private static final String REALM = "portail-famille";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    KeycloakAdmin(String url) {
        this.url = url;
    }

    /**
     * A family account for {@code dossier} with this password, created the first time; its Keycloak id
     * (the tokens' {@code sub}).
     */
    String ensureFamily(String username, String password, String dossier, String email) {
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
