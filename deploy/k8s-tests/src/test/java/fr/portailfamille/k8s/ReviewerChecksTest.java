package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a reviewer checks by hand, on the production overlay and on each service alone: selectors that
 * select, probes on ports and paths that exist, resources and the hardened securityContext, tagged
 * images, secrets by reference only.
 */
class ReviewerChecksTest {

    static List<String> reviewed() {
        List<String> all = new ArrayList<>();
        all.add("overlays/prod");
        Manifests.SERVICES.forEach(service -> all.add("services/" + service));
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviewed")
    void selectors_select_pods_of_a_workload_that_exists(String kustomization) {
        assertThat(selectorProblems(Cluster.of(kustomization))).isEmpty();
    }

    static List<String> selectorProblems(Cluster cluster) {
        List<Cluster.Pod> pods = cluster.pods();
        List<String> problems = new ArrayList<>();
        for (Service service : cluster.all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            List<Cluster.Pod> selected = pods.stream().filter(pod -> Cluster.matches(selector, pod.labels())).toList();
            if (selected.isEmpty()) {
                problems.add("Service " + service.getMetadata().getName() + " selects no pod: " + selector);
            }
            for (ServicePort port : service.getSpec().getPorts()) {
                String target = port.getTargetPort() == null ? null : port.getTargetPort().getStrVal();
                for (Cluster.Pod pod : selected) {
                    if (target != null && !pod.ports().containsKey(target)) {
                        problems.add("Service " + service.getMetadata().getName() + " targets port " + target
                                + ", which " + pod.workload() + " does not name");
                    }
                }
            }
        }
        for (PodDisruptionBudget budget : cluster.all(PodDisruptionBudget.class)) {
            if (pods.stream().noneMatch(pod -> Cluster.matches(budget.getSpec().getSelector(), pod.labels()))) {
                problems.add("PodDisruptionBudget " + budget.getMetadata().getName() + " selects no pod");
            }
        }
        for (NetworkPolicy policy : cluster.all(NetworkPolicy.class)) {
            var selector = policy.getSpec().getPodSelector();
            boolean all = (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                    && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
            if (!all && pods.stream().noneMatch(pod -> Cluster.matches(selector, pod.labels()))) {
                problems.add("NetworkPolicy " + policy.getMetadata().getName() + " selects no pod");
            }
        }
        for (HorizontalPodAutoscaler autoscaler : cluster.all(HorizontalPodAutoscaler.class)) {
            var target = autoscaler.getSpec().getScaleTargetRef();
            boolean exists = switch (target.getKind()) {
                case "Deployment" -> cluster.named(Deployment.class, target.getName()) != null;
                case "StatefulSet" -> cluster.named(StatefulSet.class, target.getName()) != null;
                default -> false;
            };
            if (!exists) {
                problems.add("HorizontalPodAutoscaler " + autoscaler.getMetadata().getName() + " scales "
                        + target.getKind() + " " + target.getName() + ", which does not exist");
            }
        }
        return problems;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviewed")
    void every_container_has_probes_resources_and_the_hardened_security_context(String kustomization) {
        Cluster cluster = Cluster.of(kustomization);
        assertThat(cluster.podTemplates()).as("workloads of " + kustomization).isNotEmpty();
        assertThat(containerProblems(cluster)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void the_checks_see_what_a_reviewer_would_refuse() {
        // The checks themselves, on the gateway's rendering spoilt in four places.
        List<JsonNode> spoilt = new ArrayList<>();
        for (JsonNode object : Manifests.render("services/gateway")) {
            tools.jackson.databind.node.ObjectNode copy = (tools.jackson.databind.node.ObjectNode) object.deepCopy();
            if (Manifests.kind(copy).equals("Deployment")) {
                var container = (tools.jackson.databind.node.ObjectNode) copy.get("spec").get("template").get("spec").get("containers").get(0);
                ((tools.jackson.databind.node.ObjectNode) container.get("securityContext")).put("readOnlyRootFilesystem", false);
                ((tools.jackson.databind.node.ObjectNode) container.get("readinessProbe").get("httpGet")).put("port", "management");
                ((tools.jackson.databind.node.ObjectNode) container.get("resources")).remove("limits");
            }
            if (Manifests.kind(copy).equals("Service")) {
                ((tools.jackson.databind.node.ObjectNode) copy.get("spec").get("selector")).put("app.kubernetes.io/name", "gatewai");
            }
            spoilt.add(copy);
        }
        Cluster cluster = Cluster.of("services/gateway, spoilt", spoilt);

        assertThat(containerProblems(Cluster.of("services/gateway"))).isEmpty();
        assertThat(selectorProblems(Cluster.of("services/gateway"))).isEmpty();
        assertThat(containerProblems(cluster)).anyMatch(problem -> problem.contains("readOnlyRootFilesystem"))
                .anyMatch(problem -> problem.contains("readinessProbe port"))
                .anyMatch(problem -> problem.contains("no memory limit"));
        assertThat(selectorProblems(cluster)).anyMatch(problem -> problem.contains("Service gateway selects no pod"));
    }

    static List<String> containerProblems(Cluster cluster) {
        List<String> problems = new ArrayList<>();
        Map<String, PodTemplateSpec> templates = cluster.podTemplates();
        templates.forEach((workload, template) -> {
            PodSpec pod = template.getSpec();
            String where = workload + ": ";
            PodSecurityContext podSecurity = pod.getSecurityContext();
            if (podSecurity == null || !Boolean.TRUE.equals(podSecurity.getRunAsNonRoot())
                    || podSecurity.getRunAsUser() == null || podSecurity.getRunAsUser() < 1000
                    || podSecurity.getRunAsGroup() == null || podSecurity.getRunAsGroup() < 1000
                    || podSecurity.getFsGroup() == null || podSecurity.getFsGroup() < 1000
                    || podSecurity.getSeccompProfile() == null || !"RuntimeDefault".equals(podSecurity.getSeccompProfile().getType())) {
                problems.add(where + "pod securityContext is not runAsNonRoot, uid/gid/fsGroup >= 1000, seccomp RuntimeDefault: " + podSecurity);
            }
            if (!Boolean.FALSE.equals(pod.getAutomountServiceAccountToken())) {
                problems.add(where + "automountServiceAccountToken is not false");
            }
            Map<String, Volume> volumes = new HashMap<>();
            pod.getVolumes().forEach(volume -> volumes.put(volume.getName(), volume));
            for (Container container : pod.getContainers()) {
                String at = where + "container " + container.getName() + ": ";
                checkSecurity(container.getSecurityContext(), at, problems);
                checkResources(container, at, problems);
                checkProbes(container, at, problems);
                boolean tmp = container.getVolumeMounts().stream().anyMatch(mount -> mount.getMountPath().equals("/tmp")
                        && volumes.containsKey(mount.getName()) && volumes.get(mount.getName()).getEmptyDir() != null);
                if (!tmp) {
                    problems.add(at + "no emptyDir mounted at /tmp");
                }
                checkShutdown(cluster, pod, container, at, problems);
            }
        });
        return problems;
    }

    private static void checkSecurity(SecurityContext security, String at, List<String> problems) {
        if (security == null || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
                || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
                || security.getCapabilities() == null || !List.of("ALL").equals(security.getCapabilities().getDrop())
                || Boolean.TRUE.equals(security.getPrivileged())) {
            problems.add(at + "securityContext is not allowPrivilegeEscalation false, readOnlyRootFilesystem true, "
                    + "capabilities drop [ALL]: " + security);
        }
    }

    private static void checkResources(Container container, String at, List<String> problems) {
        var resources = container.getResources();
        for (String resource : List.of("cpu", "memory")) {
            Map<String, Quantity> requests = resources == null ? null : resources.getRequests();
            Map<String, Quantity> limits = resources == null ? null : resources.getLimits();
            if (requests == null || !requests.containsKey(resource)) {
                problems.add(at + "no " + resource + " request");
            }
            if (limits == null || !limits.containsKey(resource)) {
                problems.add(at + "no " + resource + " limit");
            }
            if (requests != null && limits != null && requests.containsKey(resource) && limits.containsKey(resource)
                    && Quantity.getAmountInBytes(requests.get(resource)).compareTo(Quantity.getAmountInBytes(limits.get(resource))) > 0) {
                problems.add(at + resource + " request above its limit");
            }
        }
    }

    private static void checkProbes(Container container, String at, List<String> problems) {
        Set<String> named = new HashSet<>();
        container.getPorts().stream().map(ContainerPort::getName).filter(name -> name != null).forEach(named::add);
        Map<String, Probe> probes = new LinkedHashMap<>();
        probes.put("startupProbe /actuator/health/liveness", container.getStartupProbe());
        probes.put("livenessProbe /actuator/health/liveness", container.getLivenessProbe());
        probes.put("readinessProbe /actuator/health/readiness", container.getReadinessProbe());
        probes.forEach((what, probe) -> {
            String kind = what.substring(0, what.indexOf(' '));
            String path = what.substring(what.indexOf(' ') + 1);
            HTTPGetAction get = probe == null ? null : probe.getHttpGet();
            if (get == null) {
                problems.add(at + "no HTTP " + kind);
                return;
            }
            if (!path.equals(get.getPath())) {
                problems.add(at + kind + " path " + get.getPath() + " instead of " + path);
            }
            String port = get.getPort() == null ? null : get.getPort().getStrVal();
            if (port == null || !named.contains(port)) {
                problems.add(at + kind + " port " + get.getPort() + " is not a named port of the container " + named);
            }
        });
        Probe startup = container.getStartupProbe();
        if (startup != null) {
            int period = startup.getPeriodSeconds() == null ? 10 : startup.getPeriodSeconds();
            int threshold = startup.getFailureThreshold() == null ? 3 : startup.getFailureThreshold();
            if (period * threshold < 180) {
                problems.add(at + "startupProbe gives " + period * threshold + " s to start, less than 180 s");
            }
        }
    }

    private static void checkShutdown(Cluster cluster, PodSpec pod, Container container, String at, List<String> problems) {
        var lifecycle = container.getLifecycle();
        if (lifecycle == null || lifecycle.getPreStop() == null || lifecycle.getPreStop().getSleep() == null) {
            problems.add(at + "no preStop sleep");
            return;
        }
        long preStop = lifecycle.getPreStop().getSleep().getSeconds();
        String drain = environment(cluster, container).get("SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE");
        long drainSeconds = drain == null ? 30 : parseDuration(drain).toSeconds();
        long grace = pod.getTerminationGracePeriodSeconds() == null ? 30 : pod.getTerminationGracePeriodSeconds();
        if (grace <= preStop + drainSeconds) {
            problems.add(at + "terminationGracePeriodSeconds " + grace + " is not longer than the preStop sleep "
                    + preStop + " s plus the drain " + drainSeconds + " s");
        }
    }

    static Duration parseDuration(String value) {
        Matcher simple = Pattern.compile("(\\d+)(ms|s|m|h)?").matcher(value.strip());
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            String unit = simple.group(2) == null ? "ms" : simple.group(2);
            return switch (unit) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new AssertionError("unreadable duration " + value, e);
        }
    }

    /** The literal environment of a container: its ConfigMaps (envFrom) then its env values (not the secrets). */
    static Map<String, String> environment(Cluster cluster, Container container) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            if (source.getConfigMapRef() != null) {
                String prefix = source.getPrefix() == null ? "" : source.getPrefix();
                cluster.configMapData(source.getConfigMapRef().getName()).forEach((key, value) -> environment.put(prefix + key, value));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            }
        }
        return environment;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void overlays_pin_every_image_and_carry_no_secret_value(String overlay) {
        Cluster cluster = Cluster.of(overlay);
        List<String> problems = new ArrayList<>();
        cluster.podTemplates().forEach((workload, template) -> {
            List<Container> containers = new ArrayList<>(template.getSpec().getContainers());
            containers.addAll(template.getSpec().getInitContainers());
            for (Container container : containers) {
                String image = container.getImage();
                String afterRegistry = image.substring(image.lastIndexOf('/') + 1);
                boolean digest = image.contains("@sha256:");
                if (!digest && (!afterRegistry.contains(":") || afterRegistry.endsWith(":latest"))) {
                    problems.add(workload + "/" + container.getName() + ": image " + image + " is untagged or latest");
                }
            }
        });
        for (Secret secret : cluster.all(Secret.class)) {
            if ((secret.getData() != null && !secret.getData().isEmpty())
                    || (secret.getStringData() != null && !secret.getStringData().isEmpty())) {
                problems.add("Secret " + secret.getMetadata().getName() + " carries values in the overlay");
            }
        }
        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reviewed")
    void secrets_reach_containers_by_reference_only(String kustomization) {
        Cluster cluster = Cluster.of(kustomization);
        List<String> problems = new ArrayList<>();
        for (Deployment deployment : cluster.all(Deployment.class)) {
            String service = deployment.getMetadata().getName();
            Set<String> secretVariables = ServiceSettings.secretVariables(service);
            for (Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                Map<String, String> literal = environment(cluster, container);
                for (String variable : secretVariables) {
                    if (literal.containsKey(variable)) {
                        problems.add(service + ": " + variable + " is a literal value (ConfigMap or env), not a Secret reference");
                    }
                }
                for (String variable : ServiceSettings.requiredSecretVariables(service)) {
                    boolean referenced = container.getEnv().stream().anyMatch(env -> env.getName().equals(variable)
                            && env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null)
                            || container.getEnvFrom().stream().anyMatch(from -> from.getSecretRef() != null);
                    if (!referenced) {
                        problems.add(service + ": " + variable + " (checked at startup outside the profile local) comes from no Secret");
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /**
     * Every Secret the production pods and operators read exists once the platform runs and the secrets
     * kustomization was applied: generated by overlays/prod/secrets (name and key), or made by Strimzi
     * (a KafkaUser's, the Kafka cluster's CA).
     */
    @org.junit.jupiter.api.Test
    void every_secret_the_production_pods_read_is_provided() {
        Cluster prod = Cluster.of("overlays/prod");
        Cluster secrets = Cluster.of(Manifests.PROD_SECRETS);
        Map<String, Set<String>> provided = new HashMap<>();
        for (Secret secret : secrets.all(Secret.class)) {
            Set<String> keys = new HashSet<>();
            if (secret.getData() != null) {
                keys.addAll(secret.getData().keySet());
            }
            if (secret.getStringData() != null) {
                keys.addAll(secret.getStringData().keySet());
            }
            provided.put(secret.getMetadata().getName(), keys);
        }
        List<String> problems = new ArrayList<>();
        // Read by the operators: CloudNativePG's managed roles (basic-auth) and Keycloak's database login.
        for (JsonNode cluster : prod.customResources("Cluster")) {
            for (JsonNode role : cluster.path("spec").path("managed").path("roles")) {
                String name = role.path("passwordSecret").path("name").asString("");
                if (!name.isEmpty() && !provided.getOrDefault(name, Set.of()).containsAll(Set.of("username", "password"))) {
                    problems.add("CloudNativePG role " + role.path("name").asString() + " reads Secret " + name
                            + " (username, password), which overlays/prod/secrets does not generate");
                }
            }
        }
        for (JsonNode keycloak : prod.customResources("Keycloak")) {
            for (String login : List.of("usernameSecret", "passwordSecret")) {
                JsonNode ref = keycloak.path("spec").path("db").path(login);
                if (!ref.isMissingNode() && !provided.getOrDefault(ref.path("name").asString(""), Set.of()).contains(ref.path("key").asString(""))) {
                    problems.add("Keycloak " + Manifests.name(keycloak) + " db." + login + " reads " + ref.path("name").asString()
                            + "/" + ref.path("key").asString() + ", which overlays/prod/secrets does not generate");
                }
            }
        }
        // Made by Strimzi: a KafkaUser's Secret (its name), the cluster CA's public certificate.
        for (JsonNode user : prod.customResources("KafkaUser")) {
            provided.put(Manifests.name(user), Set.of("password", "sasl.jaas.config"));
        }
        for (JsonNode kafka : prod.customResources("Kafka")) {
            provided.put(Manifests.name(kafka) + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        }
        prod.podTemplates().forEach((workload, template) -> {
            for (Container container : template.getSpec().getContainers()) {
                for (EnvVar variable : container.getEnv()) {
                    SecretKeySelector ref = variable.getValueFrom() == null ? null : variable.getValueFrom().getSecretKeyRef();
                    if (ref != null && !Boolean.TRUE.equals(ref.getOptional())
                            && !provided.getOrDefault(ref.getName(), Set.of()).contains(ref.getKey())) {
                        problems.add(workload + ": " + variable.getName() + " reads " + ref.getName() + "/" + ref.getKey() + ", which nothing provides");
                    }
                }
                for (EnvFromSource from : container.getEnvFrom()) {
                    if (from.getSecretRef() != null && !provided.containsKey(from.getSecretRef().getName())) {
                        problems.add(workload + ": envFrom Secret " + from.getSecretRef().getName() + ", which nothing provides");
                    }
                }
            }
            for (Volume volume : template.getSpec().getVolumes()) {
                if (volume.getSecret() != null && !provided.containsKey(volume.getSecret().getSecretName())) {
                    problems.add(workload + ": volume from Secret " + volume.getSecret().getSecretName() + ", which nothing provides");
                }
            }
        });
        assertThat(problems).isEmpty();
    }
}
