package fr.portailfamille.k8s;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each overlay gives browsers, the bank and the tokens two public origins and names each the same way
 * everywhere: Keycloak's (its hostname, its Ingress, the gateway's PORTAL_KEYCLOAK_PUBLIC_URL, every
 * service's token issuer) and the portal's (its Ingress, the realm's gateway client, PORTAL_BILLING_PUBLIC_URL,
 * PORTAL_BRANDING_PORTAL_URL); and the portal's Ingress sends the bank's paths straight to billing-service.
 */
class PublicAddressesTest {

    private static final String ISSUER = "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI";
    private static final String KEYCLOAK_PUBLIC_URL = "PORTAL_KEYCLOAK_PUBLIC_URL";
    private static final String BILLING_PUBLIC_URL = "PORTAL_BILLING_PUBLIC_URL";
    private static final String BRANDING_PORTAL_URL = "PORTAL_BRANDING_PORTAL_URL";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void every_public_address_names_the_same_origin(String overlay) {
        assertThat(problems(Cluster.of(overlay))).isEmpty();
    }

    @Test
    void a_host_changed_in_one_place_only_is_seen() {
        List<JsonNode> spoilt = new ArrayList<>();
        for (JsonNode object : Manifests.render("overlays/prod")) {
            ObjectNode copy = (ObjectNode) object.deepCopy();
            String kind = Manifests.kind(copy);
            if (kind.equals("ConfigMap") && Manifests.name(copy).startsWith("dossier-service-config")) {
                ((ObjectNode) copy.get("data")).put(ISSUER, "https://connexion.ailleurs.example.fr/realms/portail-famille");
            }
            if (kind.equals("ConfigMap") && Manifests.name(copy).startsWith("gateway-config")) {
                ((ObjectNode) copy.get("data")).put(KEYCLOAK_PUBLIC_URL, "http://connexion.portail.example.fr");
            }
            if (kind.equals("KeycloakRealmImport")) {
                for (JsonNode client : copy.get("spec").get("realm").get("clients")) {
                    if (client.path("clientId").asString("").equals("portal-gateway")) {
                        ((ArrayNode) client.get("redirectUris")).add("https://portail-dev.example.fr/login/oauth2/code/keycloak");
                    }
                }
            }
            if (kind.equals("Ingress") && Manifests.name(copy).equals("portail-famille")) {
                ArrayNode paths = (ArrayNode) copy.get("spec").get("rules").get(0).get("http").get("paths");
                for (int i = paths.size() - 1; i >= 0; i--) {
                    if (paths.get(i).path("path").asString("").equals("/bank/")) {
                        paths.remove(i);
                    }
                }
            }
            spoilt.add(copy);
        }

        // Only what the spoiling adds counts: the overlay's own problems are every_public_address_names_the_same_origin's.
        List<String> before = problems(Cluster.of("overlays/prod"));
        List<String> added = new ArrayList<>(problems(Cluster.of("overlays/prod, spoilt", spoilt)));
        added.removeAll(before);
        assertThat(added)
                .anyMatch(problem -> problem.startsWith("dossier-service: " + ISSUER))
                .anyMatch(problem -> problem.startsWith("gateway: " + KEYCLOAK_PUBLIC_URL))
                .anyMatch(problem -> problem.contains("redirectUris") && problem.contains("portail-dev.example.fr"))
                .anyMatch(problem -> problem.contains("/bank/") && problem.contains("billing-service"));
    }

    static List<String> problems(Cluster cluster) {
        List<String> problems = new ArrayList<>();

        // Keycloak's origin: the hostname the operator gives Keycloak (the tokens' issuer).
        JsonNode keycloak = RenderedEnvironment.single(cluster, "Keycloak");
        JsonNode realmImport = RenderedEnvironment.single(cluster, "KeycloakRealmImport");
        if (keycloak == null || realmImport == null) {
            problems.add(cluster.kustomization() + ": not exactly one Keycloak and one KeycloakRealmImport");
            return problems;
        }
        String keycloakOrigin = origin(keycloak.path("spec").path("hostname").path("hostname").asString(""));
        if (keycloakOrigin == null) {
            problems.add("Keycloak " + Manifests.name(keycloak) + ": spec.hostname.hostname is not an https origin: "
                    + keycloak.path("spec").path("hostname").path("hostname"));
            return problems;
        }
        String realm = realmImport.path("spec").path("realm").path("realm").asString("");
        if (!realmImport.path("spec").path("keycloakCRName").asString("").equals(Manifests.name(keycloak))) {
            problems.add("KeycloakRealmImport " + Manifests.name(realmImport) + " is not for Keycloak " + Manifests.name(keycloak));
        }

        // Keycloak's Ingress: every Ingress to the operator's Service, on Keycloak's host, with TLS for it.
        String keycloakService = Manifests.name(keycloak) + "-service";
        List<Ingress> keycloakIngresses = cluster.all(Ingress.class).stream()
                .filter(ingress -> backends(ingress).stream().anyMatch(backend -> backend.service().equals(keycloakService))).toList();
        if (keycloakIngresses.isEmpty()) {
            problems.add("no Ingress publishes " + keycloakService);
        }
        for (Ingress ingress : keycloakIngresses) {
            checkHost(ingress, host(keycloakOrigin), "Keycloak's", problems);
        }

        // The portal's origin: the host of the Ingress whose / goes to the gateway.
        Set<String> portalHosts = new LinkedHashSet<>();
        for (Ingress ingress : cluster.all(Ingress.class)) {
            backends(ingress).stream().filter(backend -> backend.service().equals("gateway") && backend.path().equals("/"))
                    .forEach(backend -> portalHosts.add(backend.host()));
        }
        if (portalHosts.size() != 1 || portalHosts.contains(null)) {
            problems.add("not one host whose / goes to the gateway: " + portalHosts);
            return problems;
        }
        String portalHost = portalHosts.iterator().next();
        String portalOrigin = "https://" + portalHost;
        cluster.all(Ingress.class).stream()
                .filter(ingress -> backends(ingress).stream().anyMatch(backend -> Objects.equals(backend.host(), portalHost)))
                .forEach(ingress -> checkHost(ingress, portalHost, "the portal's", problems));
        if (portalHost.equals(host(keycloakOrigin))) {
            problems.add("the portal and Keycloak share the host " + portalHost);
        }

        // The gateway: Keycloak as browsers see it, the realm and the client of the realm import.
        Map<String, String> gateway = RenderedEnvironment.of(cluster, "gateway");
        JsonNode gatewayYml = ServiceSettings.applicationYml("gateway").path("portal").path("keycloak");
        checkOrigin("gateway", KEYCLOAK_PUBLIC_URL, gateway.get(KEYCLOAK_PUBLIC_URL), keycloakOrigin, problems);
        String gatewayRealm = gateway.getOrDefault("PORTAL_KEYCLOAK_REALM", gatewayYml.path("realm").asString(""));
        if (!gatewayRealm.equals(realm)) {
            problems.add("gateway: realm " + gatewayRealm + " is not the imported realm " + realm);
        }
        String clientId = gateway.getOrDefault("PORTAL_KEYCLOAK_CLIENT_ID", gatewayYml.path("client-id").asString(""));
        checkPortalClient(realmImport, clientId, portalOrigin, problems);

        // Every service: the tokens' issuer, the bank's address, the links' address.
        for (String service : Manifests.SERVICES) {
            Map<String, String> environment = RenderedEnvironment.of(cluster, service);
            if (environment.isEmpty()) {
                problems.add(service + ": no Deployment or no environment in " + cluster.kustomization());
                continue;
            }
            String expectedIssuer = keycloakOrigin + "/realms/" + realm;
            if (ServiceSettings.usesServiceStarter(service) || environment.containsKey(ISSUER)) {
                if (!expectedIssuer.equals(environment.get(ISSUER))) {
                    problems.add(service + ": " + ISSUER + " is " + environment.get(ISSUER) + ", not " + expectedIssuer);
                }
            }
            if (publicUrlOf(service) != null || environment.containsKey(BILLING_PUBLIC_URL)) {
                checkOrigin(service, BILLING_PUBLIC_URL, environment.get(BILLING_PUBLIC_URL), portalOrigin, problems);
            }
            if (usesPortalUrl(service) || environment.containsKey(BRANDING_PORTAL_URL)) {
                checkOrigin(service, BRANDING_PORTAL_URL, environment.get(BRANDING_PORTAL_URL), portalOrigin, problems);
            }
        }

        // The bank: billing-service's public paths on the portal's host, to billing-service, and nothing else of it.
        List<String> bankPrefixes = bankPrefixes();
        if (bankPrefixes.isEmpty()) {
            problems.add("billing-service: no portal.security.public-paths in its application.yml");
        }
        List<Backend> all = cluster.all(Ingress.class).stream().flatMap(ingress -> backends(ingress).stream()).toList();
        for (String prefix : bankPrefixes) {
            boolean routed = all.stream().anyMatch(backend -> Objects.equals(backend.host(), portalHost) && backend.path().equals(prefix)
                    && "Prefix".equals(backend.pathType()) && backend.service().equals("billing-service") && backend.toHttpPort());
            if (!routed) {
                problems.add("the portal's Ingress does not send " + prefix + " (Prefix) of " + portalHost
                        + " to billing-service port http");
            }
        }
        all.stream().filter(backend -> backend.service().equals("billing-service") && !bankPrefixes.contains(backend.path()))
                .forEach(backend -> problems.add("an Ingress publishes " + backend.path() + " of billing-service, which is not a bank path"));
        return problems;
    }

    private static void checkPortalClient(JsonNode realmImport, String clientId, String portal, List<String> problems) {
        JsonNode client = null;
        for (JsonNode candidate : realmImport.path("spec").path("realm").path("clients")) {
            if (candidate.path("clientId").asString("").equals(clientId)) {
                client = candidate;
            }
        }
        String where = "realm client " + clientId + ": ";
        if (client == null) {
            problems.add(where + "not in the realm import");
            return;
        }
        checkOrigin("realm client " + clientId, "rootUrl", client.path("rootUrl").asString(null), portal, problems);
        String baseUrl = client.path("baseUrl").asString("");
        if (!baseUrl.isEmpty() && !baseUrl.startsWith("/") && !(baseUrl + "/").startsWith(portal + "/")) {
            problems.add(where + "baseUrl " + baseUrl + " is not on " + portal);
        }
        List<String> redirects = new ArrayList<>();
        client.path("redirectUris").forEach(uri -> redirects.add(uri.asString("")));
        if (redirects.isEmpty()) {
            problems.add(where + "no redirectUris");
        }
        redirects.stream().filter(uri -> !uri.startsWith(portal + "/"))
                .forEach(uri -> problems.add(where + "redirectUris " + uri + " is not on " + portal));
        List<String> logouts = new ArrayList<>();
        String postLogout = client.path("attributes").path("post.logout.redirect.uris").asString("");
        if (!postLogout.isEmpty()) {
            logouts.addAll(List.of(postLogout.split("##")));
        }
        if (logouts.isEmpty()) {
            problems.add(where + "no post.logout.redirect.uris");
        }
        logouts.stream().filter(uri -> !uri.equals("+") && !uri.startsWith(portal + "/"))
                .forEach(uri -> problems.add(where + "post.logout.redirect.uris " + uri + " is not on " + portal));
        List<String> origins = new ArrayList<>();
        client.path("webOrigins").forEach(origin -> origins.add(origin.asString("")));
        origins.stream().filter(origin -> !origin.equals("+") && !origin.equals(portal))
                .forEach(origin -> problems.add(where + "webOrigins " + origin + " is not " + portal));
    }

    /** {@code value} must be the https origin {@code expected}, a trailing slash aside. */
    private static void checkOrigin(String where, String name, String value, String expected, List<String> problems) {
        if (value == null) {
            problems.add(where + ": " + name + " is not set (expected " + expected + ")");
            return;
        }
        String stripped = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        if (!stripped.equals(expected)) {
            problems.add(where + ": " + name + " is " + value + ", not " + expected);
        }
    }

    private static void checkHost(Ingress ingress, String host, String what, List<String> problems) {
        String name = "Ingress " + ingress.getMetadata().getName();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (!host.equals(rule.getHost())) {
                problems.add(name + " (" + what + "): host " + rule.getHost() + " is not " + host);
            }
        }
        List<IngressTLS> tls = ingress.getSpec().getTls() == null ? List.of() : ingress.getSpec().getTls();
        if (tls.stream().noneMatch(entry -> entry.getHosts() != null && entry.getHosts().contains(host) && entry.getSecretName() != null)) {
            problems.add(name + " (" + what + "): no TLS for " + host + " (its origin is https)");
        }
        tls.stream().flatMap(entry -> entry.getHosts() == null ? Stream.empty() : entry.getHosts().stream())
                .filter(other -> !other.equals(host))
                .forEach(other -> problems.add(name + " (" + what + "): TLS for " + other + ", not " + host));
    }

    record Backend(String host, String path, String pathType, String service, String portName, Integer portNumber) {
        boolean toHttpPort() {
            return "http".equals(portName) || Integer.valueOf(80).equals(portNumber);
        }
    }

    static List<Backend> backends(Ingress ingress) {
        List<Backend> backends = new ArrayList<>();
        for (IngressRule rule : ingress.getSpec().getRules()) {
            if (rule.getHttp() == null) {
                continue;
            }
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                var service = path.getBackend() == null ? null : path.getBackend().getService();
                if (service != null) {
                    backends.add(new Backend(rule.getHost(), path.getPath(), path.getPathType(), service.getName(),
                            service.getPort() == null ? null : service.getPort().getName(),
                            service.getPort() == null ? null : service.getPort().getNumber()));
                }
            }
        }
        return backends;
    }

    /** {@code scheme://host[:port]} when {@code url} is an https URL with no path but /, else null. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                    || uri.getRawQuery() != null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String host(String origin) {
        return URI.create(origin).getHost();
    }

    /** billing-service's {@code portal.billing.public-url} (application.yml), or null for the others. */
    private static String publicUrlOf(String service) {
        JsonNode url = ServiceSettings.applicationYml(service).path("portal").path("billing").path("public-url");
        return url.isMissingNode() ? null : url.asString();
    }

    /** The bank's paths: billing-service's public paths ({@code /bank/**} → {@code /bank/}). */
    private static List<String> bankPrefixes() {
        String paths = ServiceSettings.applicationYml("billing-service").path("portal").path("security").path("public-paths").asString("");
        List<String> prefixes = new ArrayList<>();
        for (String path : paths.split(",")) {
            String trimmed = path.strip();
            if (!trimmed.isEmpty()) {
                prefixes.add(trimmed.endsWith("/**") ? trimmed.substring(0, trimmed.length() - 2) : trimmed);
            }
        }
        return prefixes;
    }

    /** Whether the service's own code builds addresses from the branding's portal URL (links, bank returns). */
    static boolean usesPortalUrl(String service) {
        Path sources = Manifests.repositoryRoot().resolve(service).resolve("src/main/java");
        if (!Files.isDirectory(sources)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            return files.filter(file -> file.toString().endsWith(".java")).anyMatch(file -> {
                try {
                    return Files.readString(file).contains(".portalUrl()");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
