package fr.portailfamille.testsupport;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The real Keycloak, from its distribution on Maven Central ({@code keycloak-quarkus-dist}),
 * started as a process in dev mode with the realm of {@code deploy/keycloak/} imported, plus the
 * demo users of {@code deploy/local/keycloak/demo-users.json}. Tests use an in-memory database
 * ({@code dev-mem}): every start begins from the realm file.
 *
 * <p>The distribution is unpacked once under {@code target/keycloak} of the repository; its first
 * start builds Keycloak's optimized image (about a minute on 2 cores), later starts take ~15 s.
 */
public final class KeycloakServer {

    public static final String REALM = "portail-famille";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static KeycloakServer shared;

    private final Path home;
    private final int port;
    private final Process process;

    private KeycloakServer(Path home, int port, Process process) {
        this.home = home;
        this.port = port;
        this.process = process;
    }

    /**
     * The Keycloak of this JVM, for a portal served at {@code portalUrl} (its redirect URIs are
     * exact, so the gateway's URL must be known first).
     */
    public static synchronized KeycloakServer shared(String portalUrl) {
        if (shared == null) {
            shared = start(repositoryRoot(), FreePorts.next(), portalUrl, "dev-mem", Map.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop, "keycloak-stop"));
        }
        return shared;
    }

    /** The repository's root, where {@code deploy/keycloak} is. */
    public static Path repositoryRoot() {
        String root = System.getProperty("portal.repository.root");
        if (root != null) {
            return Path.of(root);
        }
        Path here = Path.of("").toAbsolutePath();
        while (here != null && !Files.exists(here.resolve("deploy/keycloak/portail-famille-realm.json"))) {
            here = here.getParent();
        }
        if (here == null) {
            throw new IllegalStateException("deploy/keycloak not found above " + Path.of("").toAbsolutePath());
        }
        return here;
    }

    /**
     * Starts Keycloak on {@code port} with database {@code db} ({@code dev-mem}, or {@code postgres}
     * with its {@code KC_DB_*} variables in {@code environment}) and waits until the realm answers.
     */
    public static KeycloakServer start(Path repositoryRoot, int port, String portalUrl, String db,
                                       Map<String, String> environment) {
        Path home = unpack();
        try {
            Path imports = Files.createDirectories(home.resolve("data/import"));
            Files.writeString(imports.resolve(REALM + "-realm.json"), realmWithDemoUsers(repositoryRoot));
            Path blacklists = Files.createDirectories(home.resolve("data/password-blacklists"));
            Files.copy(repositoryRoot.resolve("deploy/keycloak/password-blacklists/common-passwords.txt"),
                    blacklists.resolve("common-passwords.txt"), StandardCopyOption.REPLACE_EXISTING);
            copyThemes(repositoryRoot.resolve("deploy/keycloak/themes"), home.resolve("themes"));
            List<String> command = new ArrayList<>(List.of("bash", home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-port=" + port, "--http-host=127.0.0.1", "--hostname=http://localhost:" + port,
                    "--http-management-port=" + FreePorts.next(), "--db=" + db, "--import-realm",
                    "--cache=local", "--log-level=WARN,org.keycloak.services:INFO"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("keycloak-" + port + ".log").toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("PORTAL_URL", portalUrl);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
            builder.environment().putAll(environment);
            KeycloakServer server = new KeycloakServer(home, port, builder.start());
            server.awaitRealm(Duration.ofMinutes(5));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The portal's Keycloak themes (deploy/keycloak/themes) into the distribution's themes folder. */
    private static void copyThemes(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public void stop() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Creates a family account linked to {@code dossier} (what identity-service does at
     * registration), through Keycloak's admin API with the bootstrap admin.
     */
    public void createFamilyAccount(String username, String password, String dossier) {
        ObjectNode user = JSON.createObjectNode();
        user.put("username", username).put("email", username + "@example.test").put("firstName", "Famille")
                .put("lastName", "DOSSIER-" + dossier).put("enabled", true).put("emailVerified", true);
        user.putObject("attributes").putArray("dossier").add(dossier);
        user.putArray("credentials").addObject().put("type", "password").put("value", password)
                .put("temporary", false);
        HttpResponse<String> created = admin("POST", "/users", JSON.writeValueAsString(user));
        if (created.statusCode() != 201) {
            throw new IllegalStateException("User " + username + " not created: " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String userPath = location.substring(location.indexOf("/users/"));
        String role = admin("GET", "/roles/famille", null).body();
        HttpResponse<String> mapped = admin("POST", userPath + "/role-mappings/realm", "[" + role + "]");
        if (mapped.statusCode() != 204) {
            throw new IllegalStateException("Role famille not given to " + username + ": " + mapped.body());
        }
    }

    /** A user of the realm as the admin API shows it (enabled, attributes...), by exact username. */
    public java.util.Optional<JsonNode> findUser(String username) {
        JsonNode found = JSON.readTree(admin("GET", "/users?exact=true&briefRepresentation=false&username="
                + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8), null).body());
        return found.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(found.get(0));
    }

    /** The names of the realm roles a user holds directly. */
    public List<String> realmRoles(String userId) {
        List<String> names = new ArrayList<>();
        JSON.readTree(admin("GET", "/users/" + userId + "/role-mappings/realm", null).body())
                .forEach(role -> names.add(role.get("name").asString()));
        return names;
    }

    /**
     * The client secrets of the local realm, the values the services ship with (their
     * {@code portal.keycloak.client-secret} and identity-service's password check): public, accepted
     * only with the profile {@code local}.
     */
    public static final Map<String, String> LOCAL_CLIENT_SECRETS = Map.of(
            "portal-gateway", "local-gateway-secret",
            "identity-service", "local-identity-secret",
            "billing-service", "local-billing-secret",
            "notification-service", "local-notification-secret",
            "portal-password-check", "local-password-check-secret");

    /** Whether the realm accepts this username and password (a password grant of its portal-password-check client). */
    public boolean passwordWorks(String username, String password) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=portal-password-check"
                            + "&client_secret=" + LOCAL_CLIENT_SECRETS.get("portal-password-check") + "&username="
                            + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A password grant of {@code clientId} for a realm user, as Keycloak answers it (200 with the
     * tokens, or 400/401 with the OAuth error); confidential clients authenticate with their local secret.
     */
    public HttpResponse<String> passwordGrant(String clientId, String username, String password) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String secret = LOCAL_CLIENT_SECRETS.get(clientId);
        try {
            return http.send(HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=" + clientId
                            + (secret == null ? "" : "&client_secret=" + secret) + "&username="
                            + java.net.URLEncoder.encode(username, java.nio.charset.StandardCharsets.UTF_8) + "&password="
                            + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Creates (once) a public client of the realm with the password grant and the realm's default
     * scopes: in tests, it stands for what a browser session of Keycloak's own account console holds,
     * now that the realm's clients take no password grant.
     */
    public void ensurePublicTestClient(String clientId) {
        if (JSON.readTree(admin("GET", "/clients?clientId=" + clientId, null).body()).isEmpty()) {
            HttpResponse<String> created = admin("POST", "/clients", """
                    {"clientId": "%s", "publicClient": true, "directAccessGrantsEnabled": true,
                     "standardFlowEnabled": false}""".formatted(clientId));
            if (created.statusCode() != 201) {
                throw new IllegalStateException("client " + clientId + ": " + created.statusCode() + " " + created.body());
            }
        }
    }

    /** A GET of the realm's admin API ({@code /events/config}, {@code /events?type=LOGIN_ERROR}...) as JSON. */
    public JsonNode adminRead(String realmPath) {
        HttpResponse<String> response = admin("GET", realmPath, null);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + realmPath + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** One call to the realm's admin API with the bootstrap admin's token. */
    private HttpResponse<String> admin(String method, String realmPath, String json) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(
                            URI.create(url() + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=password&client_id=admin-cli&username=admin&password=admin")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String token = JSON.readTree(tokenResponse.body()).get("access_token").asString();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/admin/realms/" + REALM + realmPath))
                    .header("Authorization", "Bearer " + token)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The realm file with the demo users added to its users. */
    static String realmWithDemoUsers(Path repositoryRoot) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(
                Files.readString(repositoryRoot.resolve("deploy/keycloak/portail-famille-realm.json")));
        // The realm file has no client secret (Keycloak makes random ones at import, docs/adr/010): here,
        // the public local ones the services ship with, for the profile local.
        realm.get("clients").forEach(client -> {
            String secret = LOCAL_CLIENT_SECRETS.get(client.get("clientId").asString());
            if (secret != null) {
                ((ObjectNode) client).put("secret", secret);
            }
        });
        JsonNode demo = JSON.readTree(Files.readString(repositoryRoot.resolve("deploy/local/keycloak/demo-users.json")));
        ArrayNode users = realm.has("users") ? (ArrayNode) realm.get("users") : realm.putArray("users");
        demo.get("users").forEach(users::add);
        return JSON.writeValueAsString(realm);
    }

    private void awaitRealm(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited:\n" + tail());
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create(issuer() + "/.well-known/openid-configuration"))
                        .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(1000);
        }
        stop();
        throw new IllegalStateException("Keycloak not ready after " + timeout + ":\n" + tail());
    }

    private String tail() {
        try {
            Path log = home.resolve("keycloak-" + port + ".log");
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Unpacks the distribution once (a marker file tells it is complete); returns its home. */
    static synchronized Path unpack() {
        String dist = System.getProperty("portal.keycloak.dist");
        String target = System.getProperty("portal.keycloak.home",
                repositoryRoot().resolve("target/keycloak").toString());
        if (dist == null || !Files.exists(Path.of(dist))) {
            throw new IllegalStateException("Keycloak distribution not found (" + dist + "): run through Maven, "
                    + "which fetches org.keycloak:keycloak-quarkus-dist:zip");
        }
        Path targetDir = Path.of(target);
        try {
            Path marker = targetDir.resolve(".unpacked-" + Path.of(dist).getFileName());
            Path home;
            if (!Files.exists(marker)) {
                Files.createDirectories(targetDir);
                String top = null;
                try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(Path.of(dist)))) {
                    for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                        Path out = targetDir.resolve(entry.getName()).normalize();
                        if (!out.startsWith(targetDir)) {
                            throw new IOException("Bad entry " + entry.getName());
                        }
                        if (top == null) {
                            top = entry.getName().split("/")[0];
                        }
                        if (entry.isDirectory()) {
                            Files.createDirectories(out);
                        } else {
                            Files.createDirectories(out.getParent());
                            Files.copy(new NonClosing(zip), out, StandardCopyOption.REPLACE_EXISTING);
                        }
                    }
                }
                Files.writeString(marker, top);
            }
            home = targetDir.resolve(Files.readString(marker).strip());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets Files.copy read one zip entry without closing the zip stream. */
    private static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the zip stream stays open for the next entry
        }
    }

}
