package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.Secret;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s/platform/keycloak/realm-import.yaml is deploy/keycloak/portail-famille-realm.json transformed
 * by the rules of deploy/k8s/platform/README.md (« The realm »), applied here to the JSON tree.
 */
class RealmImportSyncTest {

    private static final String REGENERATE = "deploy/k8s/platform/keycloak/realm-import.yaml is not "
            + "deploy/keycloak/portail-famille-realm.json transformed as deploy/k8s/platform/README.md « The realm » says: "
            + "regenerate it with the jq command of that section, from the repository's root";
    private static final String LOCAL_PORTAL = "${PORTAL_URL:http://localhost:8080}";
    private static final String BACK_CHANNEL = LOCAL_PORTAL + "/logout/connect/back-channel/keycloak";

    /** The README's table: clientId → placeholder, and the Secret (name, key) it is read from. */
    record Placeholder(String name, String secret, String key) {
    }

    static final Map<String, Placeholder> CLIENT_SECRETS = new LinkedHashMap<>();

    static {
        CLIENT_SECRETS.put("portal-gateway", new Placeholder("PORTAL_GATEWAY_CLIENT_SECRET", "gateway-secrets", "PORTAL_KEYCLOAK_CLIENT_SECRET"));
        CLIENT_SECRETS.put("identity-service", new Placeholder("PORTAL_IDENTITY_CLIENT_SECRET", "identity-service-secrets", "PORTAL_KEYCLOAK_CLIENT_SECRET"));
        CLIENT_SECRETS.put("portal-password-check", new Placeholder("PORTAL_PASSWORD_CHECK_CLIENT_SECRET", "identity-service-secrets",
                "PORTAL_KEYCLOAK_PASSWORD_CHECK_CLIENT_SECRET"));
        CLIENT_SECRETS.put("billing-service", new Placeholder("PORTAL_BILLING_CLIENT_SECRET", "billing-service-secrets", "PORTAL_KEYCLOAK_CLIENT_SECRET"));
        CLIENT_SECRETS.put("notification-service", new Placeholder("PORTAL_NOTIFICATION_CLIENT_SECRET", "notification-service-secrets",
                "PORTAL_KEYCLOAK_CLIENT_SECRET"));
    }

    private static JsonNode realmImport() throws IOException {
        return Manifests.parse(Files.readString(Manifests.k8s().resolve("platform/keycloak/realm-import.yaml"))).get(0);
    }

    @Test
    void the_realm_import_is_the_realm_file_transformed_as_documented() throws IOException {
        JsonNode realm = JsonMapper.builder().build()
                .readTree(Files.readString(Manifests.repositoryRoot().resolve("deploy/keycloak/portail-famille-realm.json")));
        JsonNode expected = transform(realm);
        JsonNode generated = realmImport();

        assertThat(Manifests.kind(generated)).as(REGENERATE).isEqualTo("KeycloakRealmImport");
        assertThat(generated.path("spec").path("realm")).as(REGENERATE).isEqualTo(expected);
        assertThat(generated.path("spec").path("realm").toString()).as(REGENERATE).doesNotContain("localhost");
    }

    @Test
    void each_placeholder_reads_the_secret_its_service_reads() throws IOException {
        JsonNode placeholders = realmImport().path("spec").path("placeholders");
        Map<String, List<String>> actual = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = placeholders.properties().iterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            actual.put(entry.getKey(), List.of(entry.getValue().path("secret").path("name").asString(""),
                    entry.getValue().path("secret").path("key").asString("")));
        }
        Map<String, List<String>> documented = new LinkedHashMap<>();
        CLIENT_SECRETS.values().forEach(p -> documented.put(p.name(), List.of(p.secret(), p.key())));
        assertThat(actual).as(REGENERATE).isEqualTo(documented);

        // Every one exists in the production Secrets (overlays/prod/secrets), where the service reads it too.
        Map<String, Set<String>> secrets = new HashMap<>();
        for (Secret secret : Cluster.of(Manifests.PROD_SECRETS).all(Secret.class)) {
            Set<String> keys = new TreeSet<>();
            if (secret.getData() != null) {
                keys.addAll(secret.getData().keySet());
            }
            if (secret.getStringData() != null) {
                keys.addAll(secret.getStringData().keySet());
            }
            secrets.put(secret.getMetadata().getName(), keys);
        }
        for (Placeholder placeholder : CLIENT_SECRETS.values()) {
            assertThat(secrets.getOrDefault(placeholder.secret(), Set.of()))
                    .as("key " + placeholder.key() + " of Secret " + placeholder.secret() + " (overlays/prod/secrets)")
                    .contains(placeholder.key());
        }
    }

    /** Rules 1 and 2 of the README on a copy of the realm. */
    static JsonNode transform(JsonNode realm) {
        JsonNode mapped = mapStrings(realm.deepCopy());
        for (JsonNode client : mapped.path("clients")) {
            Placeholder placeholder = CLIENT_SECRETS.get(client.path("clientId").asString(""));
            if (placeholder != null) {
                ((ObjectNode) client).put("secret", "${" + placeholder.name() + "}");
            }
        }
        return mapped;
    }

    private static JsonNode mapStrings(JsonNode node) {
        if (node.isString()) {
            String value = node.asString();
            return StringNode.valueOf(value.equals(BACK_CHANNEL) ? "http://gateway/logout/connect/back-channel/keycloak"
                    : value.replace(LOCAL_PORTAL, "https://portail.example.fr"));
        }
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> entry : List.copyOf(object.properties())) {
                object.set(entry.getKey(), mapStrings(entry.getValue()));
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, mapStrings(array.get(i)));
            }
        }
        return node;
    }
}
