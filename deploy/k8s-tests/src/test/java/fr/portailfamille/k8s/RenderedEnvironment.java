package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The environment a Deployment's container would get: the ConfigMaps of its envFrom, then its env (which
 * Kubernetes lets win), a secretKeyRef standing as {@link #secret(String, String)}; and the files its
 * volumes mount from Secrets.
 */
final class RenderedEnvironment {

    private RenderedEnvironment() {
    }

    /** What stands for the value of key {@code key} of Secret {@code name}: never a real value. */
    static String secret(String name, String key) {
        return "<secret " + name + "/" + key + ">";
    }

    /** The container named like its Deployment {@code name}, or null. */
    static Container container(Cluster cluster, String name) {
        Deployment deployment = cluster.named(Deployment.class, name);
        if (deployment == null) {
            return null;
        }
        return deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(container -> container.getName().equals(name)).findFirst().orElse(null);
    }

    static PodSpec podSpec(Cluster cluster, String name) {
        Deployment deployment = cluster.named(Deployment.class, name);
        return deployment == null ? null : deployment.getSpec().getTemplate().getSpec();
    }

    /** The environment of Deployment {@code name}'s container (empty when there is none). */
    static Map<String, String> of(Cluster cluster, String name) {
        Container container = container(cluster, name);
        Map<String, String> environment = new LinkedHashMap<>();
        if (container == null) {
            return environment;
        }
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (source.getConfigMapRef() != null) {
                cluster.configMapData(source.getConfigMapRef().getName()).forEach((key, value) -> environment.put(prefix + key, value));
            }
            if (source.getSecretRef() != null) {
                // Its keys are unknown here: they stand as the Secret's name.
                environment.put(prefix + "<every key of Secret " + source.getSecretRef().getName() + ">", "");
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            } else if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                environment.put(variable.getName(), secret(ref.getName(), ref.getKey()));
            } else if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                var ref = variable.getValueFrom().getConfigMapKeyRef();
                String value = cluster.configMapData(ref.getName()).get(ref.getKey());
                if (value != null) {
                    environment.put(variable.getName(), value);
                }
            } else {
                environment.put(variable.getName(), "");
            }
        }
        return environment;
    }

    /**
     * The paths where Deployment {@code name}'s container finds key {@code key} of Secret {@code secret},
     * through its volumes and volumeMounts (whole-Secret volumes and items alike).
     */
    static List<String> secretFiles(Cluster cluster, String name, String secret, String key) {
        List<String> paths = new ArrayList<>();
        Container container = container(cluster, name);
        PodSpec pod = podSpec(cluster, name);
        if (container == null || pod == null) {
            return paths;
        }
        Map<String, Volume> volumes = new LinkedHashMap<>();
        pod.getVolumes().forEach(volume -> volumes.put(volume.getName(), volume));
        for (VolumeMount mount : container.getVolumeMounts()) {
            Volume volume = volumes.get(mount.getName());
            if (volume == null || volume.getSecret() == null || !secret.equals(volume.getSecret().getSecretName())) {
                continue;
            }
            String base = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
            List<KeyToPath> items = volume.getSecret().getItems();
            if (mount.getSubPath() != null && !mount.getSubPath().isEmpty()) {
                String file = items == null || items.isEmpty() ? key
                        : items.stream().filter(item -> item.getKey().equals(key)).map(KeyToPath::getPath).findFirst().orElse(null);
                if (mount.getSubPath().equals(file)) {
                    paths.add(mount.getMountPath());
                }
            } else if (items == null || items.isEmpty()) {
                paths.add(base + key);
            } else {
                items.stream().filter(item -> item.getKey().equals(key)).forEach(item -> paths.add(base + item.getPath()));
            }
        }
        return paths;
    }

    /** The one custom resource of {@code kind}, or null when there is none or several. */
    static JsonNode single(Cluster cluster, String kind) {
        List<JsonNode> found = cluster.customResources(kind);
        return found.size() == 1 ? found.get(0) : null;
    }
}
