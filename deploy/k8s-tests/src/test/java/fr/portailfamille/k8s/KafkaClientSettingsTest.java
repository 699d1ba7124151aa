package fr.portailfamille.k8s;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring Boot makes of each service's Kafka settings on Kubernetes: its Deployment's environment
 * (ConfigMap and env, Secrets as placeholders) over its application.yml and the service starter's
 * defaults, bound by Spring Boot's own Binder into {@link KafkaProperties}, gives the producer, the
 * consumers and the admin the client listener of the Strimzi cluster (TLS + SCRAM-SHA-512), the login
 * of the service's KafkaUser and the cluster CA where the Deployment really mounts it; and no topic
 * created by the service.
 */
class KafkaClientSettingsTest {

    static List<String> kafkaServices() {
        return Manifests.SERVICES.stream().filter(ServiceSettings::usesServiceStarter).toList();
    }

    static Stream<Arguments> overlaysAndServices() {
        return Stream.of("overlays/dev", "overlays/prod")
                .flatMap(overlay -> kafkaServices().stream().map(service -> Arguments.of(overlay, service)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("overlaysAndServices")
    void the_service_reaches_kafka_as_its_kafka_user_over_tls(String overlay, String service) {
        assertThat(kafkaServices()).as("services with Kafka").isNotEmpty();
        assertThat(problems(Cluster.of(overlay), service)).isEmpty();
    }

    @Test
    void a_wrong_protocol_login_or_ca_path_is_seen() {
        List<JsonNode> spoilt = new ArrayList<>();
        for (JsonNode object : Manifests.render("overlays/prod")) {
            ObjectNode copy = (ObjectNode) object.deepCopy();
            if (Manifests.kind(copy).equals("ConfigMap") && Manifests.name(copy).startsWith("billing-service-config")) {
                ((ObjectNode) copy.get("data")).put("SPRING_KAFKA_SECURITY_PROTOCOL", "SSL");
                ((ObjectNode) copy.get("data")).put("SPRING_KAFKA_ADMIN_AUTO_CREATE", "true");
            }
            if (Manifests.kind(copy).equals("Deployment") && Manifests.name(copy).equals("billing-service")) {
                ObjectNode container = (ObjectNode) copy.get("spec").get("template").get("spec").get("containers").get(0);
                for (JsonNode mount : container.get("volumeMounts")) {
                    if (mount.path("mountPath").asString("").equals("/etc/portail/kafka-ca")) {
                        ((ObjectNode) mount).put("mountPath", "/etc/kafka-ca");
                    }
                }
                for (JsonNode variable : (ArrayNode) container.get("env")) {
                    if (variable.path("name").asString("").equals("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")) {
                        ((ObjectNode) variable.get("valueFrom").get("secretKeyRef")).put("name", "dossier-service");
                    }
                }
            }
            spoilt.add(copy);
        }

        List<String> before = problems(Cluster.of("overlays/prod"), "billing-service");
        List<String> added = new ArrayList<>(problems(Cluster.of("overlays/prod, spoilt", spoilt), "billing-service"));
        added.removeAll(before);
        assertThat(added)
                .anyMatch(problem -> problem.contains("producer") && problem.contains("security.protocol"))
                .anyMatch(problem -> problem.contains("consumer") && problem.contains("sasl.jaas.config"))
                .anyMatch(problem -> problem.contains("ssl.truststore.location") && problem.contains("/etc/portail/kafka-ca/ca.crt"))
                .anyMatch(problem -> problem.contains("auto-create"));
    }

    static List<String> problems(Cluster cluster, String service) {
        List<String> problems = new ArrayList<>();
        JsonNode kafka = RenderedEnvironment.single(cluster, "Kafka");
        if (kafka == null) {
            problems.add(cluster.kustomization() + ": not exactly one Kafka");
            return problems;
        }
        String kafkaName = Manifests.name(kafka);
        String caSecret = kafkaName + "-cluster-ca-cert";
        Integer port = scramTlsListenerPort(kafka);
        if (port == null) {
            problems.add("Kafka " + kafkaName + " has no TLS listener with SCRAM-SHA-512 authentication");
            return problems;
        }
        List<String> caFiles = RenderedEnvironment.secretFiles(cluster, service, caSecret, "ca.crt");
        if (caFiles.size() != 1) {
            problems.add(service + ": the Deployment mounts key ca.crt of " + caSecret + " at " + caFiles + ", not at one path");
            return problems;
        }
        String caFile = caFiles.get(0);
        boolean userExists = cluster.customResources("KafkaUser").stream().anyMatch(user -> Manifests.name(user).equals(service)
                && user.path("spec").path("authentication").path("type").asString("").equals("scram-sha-512"));
        if (!userExists) {
            problems.add(service + ": no KafkaUser " + service + " with scram-sha-512 authentication");
        }

        KafkaProperties properties = bind(RenderedEnvironment.of(cluster, service), service);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("bootstrap.servers", kafkaName + "-kafka-bootstrap:" + port);
        expected.put("security.protocol", "SASL_SSL");
        expected.put("sasl.mechanism", "SCRAM-SHA-512");
        // Strimzi's User Operator writes the login in the Secret named like the KafkaUser.
        expected.put("sasl.jaas.config", RenderedEnvironment.secret(service, "sasl.jaas.config"));
        expected.put("ssl.truststore.type", "PEM");
        expected.put("ssl.truststore.location", caFile);
        Map<String, Map<String, Object>> clients = new LinkedHashMap<>();
        clients.put("producer", properties.buildProducerProperties());
        clients.put("consumer", properties.buildConsumerProperties());
        clients.put("admin", properties.buildAdminProperties());
        clients.forEach((client, built) -> expected.forEach((key, value) -> {
            String actual = text(built.get(key));
            if (!Objects.equals(actual, value)) {
                problems.add(service + " " + client + ": " + key + " is " + actual + ", not " + value);
            }
        }));
        if (!caFile.equals("/etc/portail/kafka-ca/ca.crt")) {
            problems.add(service + ": the cluster CA is mounted at " + caFile + ", not at the contract's /etc/portail/kafka-ca/ca.crt");
        }
        if (properties.getAdmin().isAutoCreate()) {
            problems.add(service + ": spring.kafka.admin.auto-create is true (topics belong to the KafkaTopics)");
        }
        return problems;
    }

    /**
     * Binds {@code spring.kafka} as the service would at start: the environment first, then its
     * application.yml, then the service starter's portal-defaults.properties.
     */
    static KafkaProperties bind(Map<String, String> environment, String service) {
        StandardEnvironment spring = new StandardEnvironment();
        MutablePropertySources sources = spring.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        // Named like the real one, so that Spring Boot maps SPRING_KAFKA_… as it does for a process's environment.
        sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(environment)));
        sources.addLast(new MapPropertySource("application.yml", flatten(ServiceSettings.applicationYml(service))));
        if (ServiceSettings.usesServiceStarter(service)) {
            sources.addLast(new PropertiesPropertySource("portal-defaults.properties", ServiceSettings.serviceStarterDefaults()));
        }
        return Binder.get(spring).bindOrCreate("spring.kafka", KafkaProperties.class);
    }

    static Map<String, Object> flatten(JsonNode tree) {
        Map<String, Object> flat = new LinkedHashMap<>();
        flatten("", tree, flat);
        return flat;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, Object> flat) {
        if (node.isObject()) {
            node.properties().forEach(entry -> flatten(prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey(), entry.getValue(), flat));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "[" + i + "]", node.get(i), flat);
            }
        } else if (!node.isNull()) {
            flat.put(prefix, node.asString());
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).collect(Collectors.joining(","));
        }
        return String.valueOf(value);
    }

    /** The port of the Kafka's listener with TLS and SCRAM-SHA-512 (Strimzi's spec.kafka.listeners). */
    static Integer scramTlsListenerPort(JsonNode kafka) {
        for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
            if (listener.path("tls").asBoolean(false)
                    && listener.path("authentication").path("type").asString("").equals("scram-sha-512")
                    && listener.path("type").asString("").equals("internal")) {
                return listener.path("port").asInt();
            }
        }
        return null;
    }
}
