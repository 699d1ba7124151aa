package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The flows the rendered NetworkPolicies let through, computed like a CNI plugin decides (a pod selected
 * by a policy of a type is isolated in that direction; a connection passes when the source's egress and
 * the destination's ingress both allow it), compared for equality with the design's table below.
 */
class NetworkPolicyFlowsTest {

    /** A connection: from a workload to a workload (or outside the namespace) on a port ("53/UDP", "8080"). */
    record Flow(String from, String to, String port) implements Comparable<Flow> {
        @Override
        public int compareTo(Flow other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return from + " -> " + to + ":" + port;
        }
    }

    /** A pod outside the namespace that policies name: its namespace, its labels, its named ports. */
    record Outside(String name, String namespace, Map<String, String> labels) {
    }

    /** The pods of the other namespaces the design talks to (their usual labels). */
    static final List<Outside> OUTSIDE = List.of(
            new Outside("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns")),
            new Outside("ingress-nginx", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx",
                    "app.kubernetes.io/component", "controller")),
            new Outside("cnpg-operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")),
            new Outside("strimzi-operator", "strimzi", Map.of("name", "strimzi-cluster-operator", "strimzi.io/kind", "cluster-operator")));

    static final List<String> SERVICES = List.of("identity-service", "dossier-service", "billing-service",
            "messaging-service", "notification-service");

    /** The design (issue 14 and the code's real calls); "outside" is an ipBlock of the overlay. */
    static Set<Flow> design() {
        Set<Flow> flows = new TreeSet<>();
        List<String> everyPod = new ArrayList<>(List.of("gateway"));
        everyPod.addAll(SERVICES);
        everyPod.addAll(List.of("portail-db", "portail-kafka", "portail-kafka-entity-operator", "portail-keycloak",
                "portail-famille-realm-import", "portail-redis", "keycloak-operator"));
        for (String pod : everyPod) {
            flows.add(new Flow(pod, "kube-dns", "53/UDP"));
            flows.add(new Flow(pod, "kube-dns", "53"));
        }
        // The ingress controller: the portal (gateway), the bank's notifications (/bank/), Keycloak's pages.
        flows.add(new Flow("ingress-nginx", "gateway", "8080"));
        flows.add(new Flow("ingress-nginx", "billing-service", "8080"));
        flows.add(new Flow("ingress-nginx", "portail-keycloak", "8080"));
        // The gateway: its routes (PORTAL_SERVICES_*_URL: no route to notification-service), Keycloak, its sessions.
        for (String service : List.of("identity-service", "dossier-service", "billing-service", "messaging-service")) {
            flows.add(new Flow("gateway", service, "8080"));
        }
        flows.add(new Flow("gateway", "portail-keycloak", "8080"));
        flows.add(new Flow("gateway", "portail-redis", "6379"));
        // Service to service: /internal.
        flows.add(new Flow("identity-service", "dossier-service", "8080"));
        flows.add(new Flow("billing-service", "dossier-service", "8080"));
        flows.add(new Flow("notification-service", "identity-service", "8080"));
        // Each service: its database, Kafka (TLS listener), Keycloak (JWKS, client credentials, admin API).
        for (String service : SERVICES) {
            flows.add(new Flow(service, "portail-db", "5432"));
            flows.add(new Flow(service, "portail-kafka", "9093"));
            flows.add(new Flow(service, "portail-keycloak", "8080"));
        }
        flows.add(new Flow("notification-service", "outside", "587"));
        flows.add(new Flow("billing-service", "outside", "443"));
        // Keycloak: its database, the gateway's back-channel logout, its cluster (JGroups); the realm import job.
        flows.add(new Flow("portail-keycloak", "portail-db", "5432"));
        flows.add(new Flow("portail-famille-realm-import", "portail-db", "5432"));
        flows.add(new Flow("portail-keycloak", "gateway", "8080"));
        flows.add(new Flow("portail-keycloak", "portail-keycloak", "7800"));
        flows.add(new Flow("portail-keycloak", "portail-keycloak", "57800"));
        // CloudNativePG: replication and status among instances, the operator, the API server (leader election).
        flows.add(new Flow("portail-db", "portail-db", "5432"));
        flows.add(new Flow("portail-db", "portail-db", "8000"));
        flows.add(new Flow("cnpg-operator", "portail-db", "5432"));
        flows.add(new Flow("cnpg-operator", "portail-db", "8000"));
        flows.add(new Flow("portail-db", "outside", "443"));
        flows.add(new Flow("portail-db", "outside", "6443"));
        // Strimzi: controllers and brokers, the entity operator to the brokers, the cluster operator, the API server.
        flows.add(new Flow("portail-kafka", "portail-kafka", "9090"));
        flows.add(new Flow("portail-kafka", "portail-kafka", "9091"));
        flows.add(new Flow("portail-kafka-entity-operator", "portail-kafka", "9091"));
        flows.add(new Flow("strimzi-operator", "portail-kafka", "9090"));
        flows.add(new Flow("strimzi-operator", "portail-kafka", "9091"));
        flows.add(new Flow("strimzi-operator", "portail-kafka", "8443"));
        flows.add(new Flow("portail-kafka-entity-operator", "outside", "443"));
        flows.add(new Flow("portail-kafka-entity-operator", "outside", "6443"));
        // The Keycloak operator (in this namespace): the API server only.
        flows.add(new Flow("keycloak-operator", "outside", "443"));
        flows.add(new Flow("keycloak-operator", "outside", "6443"));
        // Redis from its chart: replication.
        flows.add(new Flow("portail-redis", "portail-redis", "6379"));
        return flows;
    }

    /** The connections the policies let through, and those only one side allows (dead rules). */
    record Computed(Set<Flow> allowed, List<String> halfOpen) {
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/prod", "overlays/dev"})
    void the_network_policies_allow_exactly_the_flows_of_the_design(String overlay) {
        Cluster cluster = Cluster.of(overlay);
        assertThat(cluster.all(NetworkPolicy.class)).as("NetworkPolicies of " + overlay).isNotEmpty();
        Computed computed = compute(cluster);

        Set<Flow> notInDesign = new TreeSet<>(computed.allowed());
        notInDesign.removeAll(design());
        Set<Flow> missing = new TreeSet<>(design());
        missing.removeAll(computed.allowed());
        assertThat(notInDesign).as("flows allowed by the policies of " + overlay + " but not in the design").isEmpty();
        assertThat(missing).as("flows of the design that the policies of " + overlay + " do not allow").isEmpty();
        assertThat(computed.halfOpen()).as("half-open flows (one side only) in " + overlay).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void a_flow_needs_both_the_egress_of_its_source_and_the_ingress_of_its_destination() {
        // The computation itself: without the destination's side, gateway -> identity-service is not a flow.
        List<JsonNode> rendered = Manifests.render("overlays/prod").stream()
                .filter(object -> !(Manifests.kind(object).equals("NetworkPolicy")
                        && Manifests.name(object).equals("gateway-to-identity-service-ingress")))
                .toList();
        Flow flow = new Flow("gateway", "identity-service", "8080");

        assertThat(compute(Cluster.of("overlays/prod")).allowed()).contains(flow);
        Computed without = compute(Cluster.of("overlays/prod without one ingress policy", rendered));
        assertThat(without.allowed()).doesNotContain(flow);
        assertThat(without.halfOpen()).contains(flow + " (egress allowed, ingress not)");
    }

    static Computed compute(Cluster cluster) {
        List<NetworkPolicy> policies = cluster.all(NetworkPolicy.class);
        List<Cluster.Pod> pods = cluster.pods();
        Set<Flow> allowed = new TreeSet<>();
        List<String> halfOpen = new ArrayList<>();
        for (Cluster.Pod source : pods) {
            for (Flow flow : rules(policies, pods, source, "Egress")) {
                Cluster.Pod destination = pods.stream().filter(pod -> pod.workload().equals(flow.to())).findFirst().orElse(null);
                if (destination == null) {
                    allowed.add(flow);
                } else if (admits(rules(policies, pods, destination, "Ingress"), flow)) {
                    allowed.add(flow);
                } else {
                    halfOpen.add(flow + " (egress allowed, ingress not)");
                }
            }
        }
        for (Cluster.Pod destination : pods) {
            for (Flow flow : rules(policies, pods, destination, "Ingress")) {
                boolean fromInside = pods.stream().anyMatch(pod -> pod.workload().equals(flow.from()));
                if (!fromInside) {
                    allowed.add(flow);
                } else if (!allowed.contains(flow)) {
                    halfOpen.add(flow + " (ingress allowed, egress not)");
                }
            }
        }
        return new Computed(allowed, halfOpen);
    }

    /**
     * The flows the policies of {@code direction} allow for {@code pod} (as source for Egress, as
     * destination for Ingress); empty when no policy of that direction selects it (not isolated: the
     * default-deny policy makes every pod isolated here, which the design requires).
     */
    static Set<Flow> rules(List<NetworkPolicy> policies, List<Cluster.Pod> pods, Cluster.Pod pod, String direction) {
        Set<Flow> flows = new TreeSet<>();
        boolean isolated = false;
        for (NetworkPolicy policy : policies) {
            if (!Cluster.namespaceOf(policy).equals(pod.namespace()) || !selects(policy.getSpec().getPodSelector(), pod.labels())) {
                continue;
            }
            List<String> types = policy.getSpec().getPolicyTypes();
            if (types == null || !types.contains(direction)) {
                continue;
            }
            isolated = true;
            if (direction.equals("Egress")) {
                policy.getSpec().getEgress().forEach(rule ->
                        add(flows, pods, pod, rule.getTo(), rule.getPorts(), true));
            } else {
                policy.getSpec().getIngress().forEach(rule ->
                        add(flows, pods, pod, rule.getFrom(), rule.getPorts(), false));
            }
        }
        if (!isolated) {
            throw new AssertionError(pod.workload() + " is not isolated for " + direction + ": no default deny selects it");
        }
        return flows;
    }

    private static void add(Set<Flow> flows, List<Cluster.Pod> pods, Cluster.Pod pod, List<NetworkPolicyPeer> peers,
                            List<NetworkPolicyPort> ports, boolean egress) {
        List<String> endpoints = new ArrayList<>();
        if (peers == null || peers.isEmpty()) {
            endpoints.add("anywhere");
        } else {
            for (NetworkPolicyPeer peer : peers) {
                endpoints.addAll(resolve(peer, pods));
            }
        }
        for (String endpoint : endpoints) {
            Cluster.Pod destination = egress ? pods.stream().filter(p -> p.workload().equals(endpoint)).findFirst().orElse(null) : pod;
            if (ports == null || ports.isEmpty()) {
                flows.add(egress ? new Flow(pod.workload(), endpoint, "*") : new Flow(endpoint, pod.workload(), "*"));
                continue;
            }
            for (NetworkPolicyPort port : ports) {
                String number = portOf(port.getPort(), destination, endpoint);
                String protocol = port.getProtocol() == null || port.getProtocol().equals("TCP") ? "" : "/" + port.getProtocol();
                if (port.getEndPort() != null) {
                    number = number + "-" + port.getEndPort();
                }
                flows.add(egress ? new Flow(pod.workload(), endpoint, number + protocol)
                        : new Flow(endpoint, pod.workload(), number + protocol));
            }
        }
    }

    private static String portOf(IntOrString port, Cluster.Pod destination, String endpoint) {
        if (port == null) {
            return "*";
        }
        if (port.getIntVal() != null) {
            return String.valueOf(port.getIntVal());
        }
        Integer resolved = destination == null ? null : destination.ports().get(port.getStrVal());
        if (resolved == null) {
            throw new AssertionError("named port " + port.getStrVal() + " is not a port of " + endpoint);
        }
        return String.valueOf(resolved);
    }

    /** The workloads a peer designates: pods of the namespace, pods of other namespaces, or "outside" (ipBlock). */
    private static List<String> resolve(NetworkPolicyPeer peer, List<Cluster.Pod> pods) {
        if (peer.getIpBlock() != null) {
            String cidr = peer.getIpBlock().getCidr();
            if (cidr.endsWith("/0")) {
                return List.of("anywhere");
            }
            return List.of("outside");
        }
        List<String> found = new ArrayList<>();
        if (peer.getNamespaceSelector() == null) {
            pods.stream().filter(pod -> selects(peer.getPodSelector(), pod.labels())).forEach(pod -> found.add(pod.workload()));
        } else {
            for (Outside outside : OUTSIDE) {
                Map<String, String> namespaceLabels = Map.of("kubernetes.io/metadata.name", outside.namespace());
                if (selects(peer.getNamespaceSelector(), namespaceLabels)
                        && (peer.getPodSelector() == null || selects(peer.getPodSelector(), outside.labels()))) {
                    found.add(outside.name());
                }
            }
            if (selects(peer.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", Manifests.NAMESPACE))) {
                pods.stream().filter(pod -> peer.getPodSelector() == null || selects(peer.getPodSelector(), pod.labels()))
                        .forEach(pod -> found.add(pod.workload()));
            }
        }
        if (found.isEmpty()) {
            throw new AssertionError("a peer designates no known pod: " + peer);
        }
        return found;
    }

    /** An empty selector selects everything (in a policy), unlike in {@link Cluster#matches(LabelSelector, Map)}'s other callers. */
    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        return selector != null && Cluster.matches(selector, labels);
    }

    private static boolean admits(Set<Flow> ingress, Flow flow) {
        return ingress.contains(flow) || ingress.contains(new Flow(flow.from(), flow.to(), "*"))
                || ingress.contains(new Flow("anywhere", flow.to(), flow.port()))
                || ingress.contains(new Flow("anywhere", flow.to(), "*"));
    }
}
