package fr.portailfamille.k8s;

import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The secret settings of a service, read from its own sources: the variables its startup checks
 * (platform/startup-checks) refuse to leave at their shipped value, from its application.yml and, for the
 * services built on platform/service-starter, its portal-defaults.properties (the database password).
 */
final class ServiceSettings {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private ServiceSettings() {
    }

    /** The variables a deployment must give from a Secret, whatever its other settings. */
    static Set<String> requiredSecretVariables(String service) {
        Set<String> variables = new TreeSet<>();
        JsonNode secrets = applicationYml(service).path("portal").path("startup-checks").path("secrets");
        for (Iterator<Map.Entry<String, JsonNode>> it = secrets.properties().iterator(); it.hasNext(); ) {
            JsonNode rule = it.next().getValue();
            if (!rule.has("only-if")) {
                variables.add(rule.path("variable").asString());
            }
        }
        if (usesServiceStarter(service)) {
            variables.add(serviceStarterDefaults().getProperty("portal.startup-checks.secrets.database-password.variable"));
        }
        return variables;
    }

    /** Every variable that holds a secret: never a literal in a ConfigMap or an env value. */
    static Set<String> secretVariables(String service) {
        Set<String> variables = new TreeSet<>(requiredSecretVariables(service));
        JsonNode secrets = applicationYml(service).path("portal").path("startup-checks").path("secrets");
        secrets.forEach(rule -> variables.add(rule.path("variable").asString()));
        variables.add("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        variables.add("SPRING_DATA_REDIS_PASSWORD");
        return variables;
    }

    static JsonNode applicationYml(String service) {
        Path file = Manifests.repositoryRoot().resolve(service).resolve("src/main/resources/application.yml");
        try {
            return YAML.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static boolean usesServiceStarter(String service) {
        try {
            return Files.readString(Manifests.repositoryRoot().resolve(service).resolve("pom.xml"))
                    .contains("<artifactId>service-starter</artifactId>");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Properties serviceStarterDefaults() {
        Path file = Manifests.repositoryRoot().resolve("platform/service-starter/src/main/resources/portal-defaults.properties");
        Properties properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
