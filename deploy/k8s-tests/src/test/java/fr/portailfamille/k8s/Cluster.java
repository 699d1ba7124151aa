package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a kustomization would put in the cluster: its built-in objects (typed by fabric8), its custom
 * resources, and the pods that would run, those of its workloads and those the operators make from its
 * custom resources (labels of the contract: CloudNativePG, Strimzi, Keycloak), plus Redis from its chart
 * when the platform is there.
 */
public final class Cluster {

    /** A kind of pod that would run: its owner, its namespace, its labels and its named ports. */
    public record Pod(String workload, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
    }

    private final String kustomization;
    private final List<JsonNode> raw;
    private final List<HasMetadata> objects = new ArrayList<>();
    private final List<JsonNode> customResources = new ArrayList<>();

    private Cluster(String kustomization, List<JsonNode> raw) {
        this.kustomization = kustomization;
        this.raw = raw;
        for (JsonNode object : raw) {
            if (StrictModel.isBuiltIn(object)) {
                objects.add(StrictModel.parse(object));
            } else {
                customResources.add(object);
            }
        }
    }

    public static Cluster of(String kustomization) {
        return new Cluster(kustomization, Manifests.render(kustomization));
    }

    /** The objects {@code raw} (e.g. a rendering changed by a test), named {@code label}. */
    public static Cluster of(String label, List<JsonNode> raw) {
        return new Cluster(label, raw);
    }

    public String kustomization() {
        return kustomization;
    }

    public List<JsonNode> raw() {
        return raw;
    }

    public List<JsonNode> customResources(String kind) {
        return customResources.stream().filter(object -> Manifests.kind(object).equals(kind)).toList();
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> T named(Class<T> type, String name) {
        return all(type).stream().filter(object -> object.getMetadata().getName().equals(name)).findFirst().orElse(null);
    }

    public Map<String, String> configMapData(String name) {
        ConfigMap configMap = named(ConfigMap.class, name);
        return configMap == null || configMap.getData() == null ? Map.of() : configMap.getData();
    }

    public static String namespaceOf(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return namespace == null ? Manifests.NAMESPACE : namespace;
    }

    /** The pod templates of the Deployments and StatefulSets, by workload name. */
    public Map<String, PodTemplateSpec> podTemplates() {
        Map<String, PodTemplateSpec> templates = new LinkedHashMap<>();
        all(Deployment.class).forEach(deployment -> templates.put(deployment.getMetadata().getName(), deployment.getSpec().getTemplate()));
        all(StatefulSet.class).forEach(set -> templates.put(set.getMetadata().getName(), set.getSpec().getTemplate()));
        return templates;
    }

    /** Every pod of the namespace: the workloads' and the operators'. */
    public List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        podTemplates().forEach((name, template) -> {
            Map<String, Integer> ports = new LinkedHashMap<>();
            for (Container container : template.getSpec().getContainers()) {
                for (ContainerPort port : container.getPorts()) {
                    if (port.getName() != null) {
                        ports.put(port.getName(), port.getContainerPort());
                    }
                }
            }
            pods.add(new Pod(name, Manifests.NAMESPACE, template.getMetadata().getLabels(), ports));
        });
        for (JsonNode cluster : customResources("Cluster")) {
            pods.add(new Pod(Manifests.name(cluster), Manifests.NAMESPACE,
                    Map.of("cnpg.io/cluster", Manifests.name(cluster), "cnpg.io/podRole", "instance"),
                    Map.of("postgresql", 5432, "metrics", 9187, "status", 8000)));
        }
        for (JsonNode kafka : customResources("Kafka")) {
            String name = Manifests.name(kafka);
            pods.add(new Pod(name, Manifests.NAMESPACE,
                    Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-kafka",
                            "strimzi.io/broker-role", "true"),
                    Map.of("tcp-replication", 9091, "tcp-ctrlplane", 9090, "tcp-clients", 9092, "tcp-clientstls", 9093)));
            pods.add(new Pod(name + "-entity-operator", Manifests.NAMESPACE,
                    Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-entity-operator"),
                    Map.of()));
        }
        for (JsonNode keycloak : customResources("Keycloak")) {
            pods.add(new Pod(Manifests.name(keycloak), Manifests.NAMESPACE,
                    Map.of("app", "keycloak", "app.kubernetes.io/instance", Manifests.name(keycloak),
                            "app.kubernetes.io/managed-by", "keycloak-operator"),
                    Map.of("http", 8080, "https", 8443, "management", 9000)));
        }
        if (!customResources("Keycloak").isEmpty()) {
            // The Keycloak operator's plain manifest watches only its own namespace: it is installed in this one
            // (deploy/k8s/README.md), with the labels of its Deployment.
            pods.add(new Pod("keycloak-operator", Manifests.NAMESPACE,
                    Map.of("app.kubernetes.io/name", "keycloak-operator"), Map.of()));
        }
        for (JsonNode realmImport : customResources("KeycloakRealmImport")) {
            // The operator runs each import as a Job whose pod is labelled app=keycloak-realm-import.
            pods.add(new Pod(Manifests.name(realmImport) + "-realm-import", Manifests.NAMESPACE,
                    Map.of("app", "keycloak-realm-import"), Map.of()));
        }
        if (!customResources.isEmpty()) {
            pods.add(new Pod("portail-redis", Manifests.NAMESPACE,
                    Map.of("app.kubernetes.io/name", "redis", "app.kubernetes.io/instance", "portail-redis",
                            "app.kubernetes.io/component", "master"),
                    Map.of("redis", 6379)));
        }
        return pods;
    }

    /** Whether {@code selector} selects {@code labels} (matchLabels and matchExpressions). */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!Objects.equals(actual.get(wanted.getKey()), wanted.getValue())) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
                String value = actual.get(requirement.getKey());
                boolean ok = switch (requirement.getOperator()) {
                    case "In" -> value != null && requirement.getValues().contains(value);
                    case "NotIn" -> value == null || !requirement.getValues().contains(value);
                    case "Exists" -> actual.containsKey(requirement.getKey());
                    case "DoesNotExist" -> !actual.containsKey(requirement.getKey());
                    default -> throw new AssertionError("unknown selector operator " + requirement.getOperator());
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        return selector != null && !selector.isEmpty() && labels != null
                && selector.entrySet().stream().allMatch(entry -> Objects.equals(labels.get(entry.getKey()), entry.getValue()));
    }
}
