package fr.portailfamille.k8s;

import fr.portailfamille.testsupport.FreePorts;
import fr.portailfamille.testsupport.KafkaBroker;
import fr.portailfamille.testsupport.PostgresServer;
import fr.portailfamille.testsupport.TestKeycloak;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each service started from its executable jar with the environment its production Deployment gives it,
 * rendered from overlays/prod (ConfigMaps by envFrom, env values, Secret references), without the
 * profile local (its startup checks apply), answers its readiness probe. Only what cannot exist here is
 * replaced: Secret values by generated ones, in-cluster addresses by this test's real servers
 * (PostgreSQL, Kafka, Redis, a token issuer), and the listening port by a free one (the manifest's
 * SERVER_PORT is checked to be the probe's port first). One service at a time.
 */
class ServiceProbeTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String KEYCLOAK_IN_CLUSTER = "http://portail-keycloak-service:8080";
    private static final String POSTGRES_IN_CLUSTER = "portail-db-rw:5432";
    private static final String KAFKA_IN_CLUSTER = "portail-kafka-kafka-bootstrap:9093";
    private static final String REDIS_IN_CLUSTER = "portail-redis-master";
    /** Variables of Strimzi's TLS + SCRAM listener, which the test broker (PLAINTEXT) does not speak. */
    private static final List<String> KAFKA_SECURITY = List.of("SPRING_KAFKA_SECURITY_PROTOCOL",
            "SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG",
            "SPRING_KAFKA_SSL_TRUST_STORE_TYPE", "SPRING_KAFKA_SSL_TRUST_STORE_LOCATION");

    private static final int REDIS_PORT = FreePorts.next();
    private static Process redis;

    static List<String> services() {
        return Manifests.SERVICES;
    }

    @AfterAll
    static void stopRedis() {
        if (redis != null) {
            redis.destroy();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("services")
    void answers_its_readiness_probe_with_the_environment_of_its_deployment(String service) throws Exception {
        Cluster prod = Cluster.of("overlays/prod");
        Deployment deployment = prod.named(Deployment.class, service);
        assertThat(deployment).as("Deployment " + service + " in overlays/prod").isNotNull();
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(candidate -> candidate.getName().equals(service)).findFirst().orElseThrow();
        HTTPGetAction readiness = container.getReadinessProbe().getHttpGet();
        int containerPort = container.getPorts().stream()
                .filter(port -> port.getName() != null && port.getName().equals(readiness.getPort().getStrVal()))
                .map(ContainerPort::getContainerPort).findFirst().orElseThrow();

        Map<String, String> environment = environment(prod, container);
        assertThat(environment.get("SERVER_PORT")).as("SERVER_PORT, where " + service + " listens")
                .isEqualTo(String.valueOf(containerPort));
        assertThat(environment.getOrDefault("SPRING_PROFILES_ACTIVE", "")).doesNotContain("local");

        int port = FreePorts.next();
        environment.put("SERVER_PORT", String.valueOf(port));
        Process process = start(service, environment);
        try {
            int status = awaitStatus(process, service, "http://127.0.0.1:" + port + readiness.getPath());
            assertThat(status).as(service + " GET " + readiness.getPath()).isEqualTo(200);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** The Deployment's environment, Secret values generated, in-cluster addresses pointed at this test's servers. */
    private static Map<String, String> environment(Cluster prod, Container container) {
        Map<String, Map<String, String>> exampleSecrets = exampleSecrets();
        Map<String, String> secretValues = new HashMap<>();
        Map<String, String> environment = new LinkedHashMap<>();
        for (EnvFromSource source : container.getEnvFrom()) {
            String prefix = source.getPrefix() == null ? "" : source.getPrefix();
            if (source.getConfigMapRef() != null) {
                Map<String, String> data = prod.configMapData(source.getConfigMapRef().getName());
                assertThat(data).as("ConfigMap " + source.getConfigMapRef().getName()).isNotEmpty();
                data.forEach((key, value) -> environment.put(prefix + key, value));
            }
            if (source.getSecretRef() != null) {
                exampleSecrets.getOrDefault(source.getSecretRef().getName(), Map.of()).keySet().forEach(key ->
                        environment.put(prefix + key, secretValue(source.getSecretRef().getName(), key, key, exampleSecrets, secretValues)));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            if (variable.getValueFrom() == null) {
                environment.put(variable.getName(), variable.getValue() == null ? "" : variable.getValue());
            } else if (variable.getValueFrom().getSecretKeyRef() != null) {
                var ref = variable.getValueFrom().getSecretKeyRef();
                environment.put(variable.getName(), secretValue(ref.getName(), ref.getKey(), variable.getName(), exampleSecrets, secretValues));
            } else if (variable.getValueFrom().getFieldRef() != null) {
                environment.put(variable.getName(), "k8s-tests");
            } else {
                throw new AssertionError(variable.getName() + ": valueFrom not handled by this test: " + variable.getValueFrom());
            }
        }
        // Strimzi's listener is TLS + SCRAM-SHA-512; the test broker is PLAINTEXT: only these variables
        // are replaced (the bootstrap address is rewritten below like every other in-cluster address).
        if (environment.containsKey("SPRING_KAFKA_BOOTSTRAP_SERVERS")) {
            KAFKA_SECURITY.forEach(environment::remove);
            environment.put("SPRING_KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
        }
        Map<String, String> rewritten = new LinkedHashMap<>();
        environment.forEach((key, value) -> rewritten.put(key, inCluster(key, value)));
        return rewritten;
    }

    private static String inCluster(String key, String value) {
        String result = value;
        if (result.contains(POSTGRES_IN_CLUSTER)) {
            result = result.replace(POSTGRES_IN_CLUSTER, "127.0.0.1:" + PostgresServer.shared().port());
        }
        if (result.contains(KAFKA_IN_CLUSTER)) {
            result = result.replace(KAFKA_IN_CLUSTER, KafkaBroker.shared().bootstrapServers());
        }
        if (result.contains(KEYCLOAK_IN_CLUSTER)) {
            String issuer = TestKeycloak.shared().issuer();
            result = result.replace(KEYCLOAK_IN_CLUSTER, issuer.substring(0, issuer.indexOf("/realms/")));
        }
        if (key.equals("SPRING_DATA_REDIS_HOST") && result.equals(REDIS_IN_CLUSTER)) {
            result = "127.0.0.1";
        }
        if (key.equals("SPRING_DATA_REDIS_PORT")) {
            result = String.valueOf(REDIS_PORT);
        }
        for (String service : Manifests.SERVICES) {
            // Another service by its Kubernetes Service: nothing listens there (not called to get ready).
            if (result.equals("http://" + service)) {
                result = "http://127.0.0.1:9";
            }
        }
        return result;
    }

    /**
     * A generated value for key {@code key} of Secret {@code name}. The PostgreSQL login is the example's
     * user name with a generated password, made a role owning its database on the test's PostgreSQL, as
     * CloudNativePG's managed role and Database would; the Redis password is the test Redis's.
     */
    private static String secretValue(String name, String key, String variable, Map<String, Map<String, String>> examples,
                                      Map<String, String> values) {
        return values.computeIfAbsent(name + "/" + key, unused -> {
            Map<String, String> example = examples.get(name);
            if (name.startsWith("portail-db-") && key.equals("username")) {
                assertThat(example).as("Secret " + name + " in overlays/prod/secrets").isNotNull();
                return example.get("username");
            }
            if (variable.contains("IBAN")) {
                return iban("30004", "00001", "00012345678");
            }
            if (variable.contains("CREDITOR_IDENTIFIER")) {
                return creditorIdentifier("654321");
            }
            return Base64.getEncoder().encodeToString(randomBytes(32));
        });
    }

    private static Process start(String service, Map<String, String> environment) throws IOException {
        String url = environment.get("SPRING_DATASOURCE_URL");
        if (url != null) {
            String database = url.substring(url.lastIndexOf('/') + 1);
            String user = environment.get("SPRING_DATASOURCE_USERNAME");
            String password = environment.get("SPRING_DATASOURCE_PASSWORD");
            assertThat(user).as(service + " SPRING_DATASOURCE_USERNAME").isNotBlank();
            PostgresServer postgres = PostgresServer.shared();
            postgres.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + user + "') then create role \""
                    + user + "\" login; end if; end $$");
            postgres.execute("alter role \"" + user + "\" password '" + password + "'");
            postgres.createDatabase(database);
            postgres.execute("alter database \"" + database + "\" owner to \"" + user + "\"");
        }
        if (environment.containsKey("SPRING_DATA_REDIS_HOST")) {
            startRedis(environment.get("SPRING_DATA_REDIS_PASSWORD"), Integer.parseInt(environment.get("SPRING_DATA_REDIS_PORT")));
        }
        Path logs = Path.of("target", "probe-logs");
        Files.createDirectories(logs);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", Manifests.repositoryRoot().resolve(service).resolve("target").resolve(service + ".jar").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(service + ".log").toFile());
        // Only the Deployment's environment (and what a JVM needs to run), nothing of the test's.
        String path = System.getenv("PATH");
        builder.environment().clear();
        builder.environment().put("PATH", path == null ? "/usr/bin:/bin" : path);
        builder.environment().put("HOME", System.getProperty("java.io.tmpdir"));
        builder.environment().putAll(environment);
        assertThat(Files.isRegularFile(Path.of(command.get(command.size() - 1))))
                .as(command.get(command.size() - 1) + " (package the module first)").isTrue();
        return builder.start();
    }

    /** Polls the readiness path until it answers 200, the process dies, or the startup probe's budget passes. */
    private static int awaitStatus(Process process, String service, String url) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(4));
        int last = -1;
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            try {
                last = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (last == 200) {
                    return last;
                }
            } catch (IOException notListening) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError(service + (process.isAlive() ? " not ready (last status " + last + ")" : " exited")
                + ":\n" + tail(Path.of("target", "probe-logs", service + ".log")));
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** overlays/prod/secrets rendered from its examples: the Secrets' names and keys (values are placeholders). */
    private static Map<String, Map<String, String>> exampleSecrets() {
        Map<String, Map<String, String>> secrets = new HashMap<>();
        for (Secret secret : Cluster.of(Manifests.PROD_SECRETS).all(Secret.class)) {
            Map<String, String> data = new HashMap<>();
            if (secret.getData() != null) {
                secret.getData().forEach((key, value) -> data.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
            }
            if (secret.getStringData() != null) {
                data.putAll(secret.getStringData());
            }
            secrets.put(secret.getMetadata().getName(), data);
        }
        return secrets;
    }

    private static synchronized void startRedis(String password, int port) {
        if (redis != null) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("redis-server", "--port", String.valueOf(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"));
        if (password != null && !password.isEmpty()) {
            command.addAll(List.of("--requirepass", password));
        }
        try {
            redis = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server not found: apt-get install -y redis-server", e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        throw new IllegalStateException("redis-server did not listen on " + port);
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    /** A French IBAN whose RIB key and check digits are right (ISO 7064 MOD 97-10). */
    static String iban(String bank, String branch, String account) {
        BigInteger rib = new BigInteger(bank).multiply(BigInteger.valueOf(89))
                .add(new BigInteger(branch).multiply(BigInteger.valueOf(15)))
                .add(new BigInteger(account).multiply(BigInteger.valueOf(3)));
        String key = String.format("%02d", 97 - rib.mod(BigInteger.valueOf(97)).intValue());
        String bban = bank + branch + account + key;
        return "FR" + checkDigits(bban) + bban;
    }

    /** A SEPA creditor identifier FRkkZZZ + national identifier (check digits over it, FR and 00). */
    static String creditorIdentifier(String national) {
        return "FR" + checkDigits(national) + "ZZZ" + national;
    }

    private static String checkDigits(String national) {
        StringBuilder digits = new StringBuilder();
        for (char c : (national + "FR00").toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(Character.getNumericValue(c)));
        }
        int check = 98 - new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
        return String.format("%02d", check);
    }
}
