package fr.portailfamille.k8s;

import fr.portailfamille.testsupport.FreePorts;
import fr.portailfamille.testsupport.KafkaBroker;
import fr.portailfamille.testsupport.PostgresServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The image the build made for dossier-service (Jib, {@code dossier-service/target/jib-image.tar}) runs as a
 * container would, without a container engine: its layers applied in order to a root file system, its
 * entrypoint and environment taken from the image's configuration, run in a private mount namespace
 * ({@code unshare}) under {@code chroot} as the image's user (uid 1000) with the root mounted read-only, a
 * tmpfs on {@code /tmp} (the Deployment's emptyDir) and {@code /proc}, {@code /dev} and {@code /etc/hosts}
 * as a runtime gives them. It is given what a Deployment gives it (a real PostgreSQL with a password of its
 * own, a real Kafka broker of its own, a non-shipped access-key encryption key, no profile {@code local}) and must
 * answer its readiness probe with 200.
 *
 * <p>As root (this machine, CI) the process runs as uid 1000. Otherwise the namespaces are made with
 * {@code unshare --user --map-root-user}: the process then runs as the caller's own (non-root) uid, which
 * the test checks instead.
 */
class ImageRunsTest {

    private static final String SERVICE = "dossier-service";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Mounts what a container runtime mounts, then becomes the image's user in its root. */
    private static final String RUNTIME_SCRIPT = """
            set -e
            root="$1"; hosts="$2"; proc_mode="$3"; user="$4"; chroot="$5"; image_path="$6"; shift 6
            mount --bind "$root" "$root"
            mount -o remount,bind,ro "$root"
            mount -t tmpfs -o mode=1777 tmpfs "$root/tmp"
            mount --rbind /dev "$root/dev"
            if [ "$proc_mode" = new ]; then mount -t proc proc "$root/proc"; else mount --rbind /proc "$root/proc"; fi
            mount --bind "$hosts" "$root/etc/hosts"
            # From here on PATH is the image's: chroot looks up the entrypoint in the new root.
            PATH="$image_path"
            if [ -n "$user" ]; then exec "$chroot" --userspec="$user" --groups="${user#*:}" "$root" "$@"; fi
            exec "$chroot" "$root" "$@"
            """;

    @Test
    void dossierServiceImageAnswersItsReadinessProbeAsNonRootOnAReadOnlyRoot(@TempDir Path work) throws Exception {
        Path repository = Path.of(System.getProperty("portal.repository.root", "../.."));
        Path tarball = repository.resolve(SERVICE).resolve("target/jib-image.tar");
        assertTrue(Files.isRegularFile(tarball), tarball.toAbsolutePath()
                + " is missing: the module " + SERVICE + " writes it in the phase package (jib:buildTar), e.g. "
                + "./mvnw -B install -DskipTests -pl deploy/images," + SERVICE + " -am");
        boolean root = isRoot();
        Map<String, Path> tools = hostTools(root);

        Path rootfs = Files.createDirectories(work.resolve("rootfs"));
        ImageConfig image = unpack(tarball, work.resolve("image"), rootfs, tools.get("tar"));
        long tarBytes = Files.size(tarball);
        long rootfsBytes = regularFileBytes(rootfs);
        System.out.printf(Locale.ROOT, "Image %s: tarball %d bytes (%.1f MB), uncompressed %d bytes (%.1f MB)%n",
                SERVICE, tarBytes, tarBytes / 1e6, rootfsBytes, rootfsBytes / 1e6);

        assertFalse(image.entrypoint().isEmpty(), "the image has no entrypoint");
        assertTrue(image.user().isPresent() && !image.user().get().startsWith("0"),
                "the image must name a non-root user, not " + image.user());
        for (String mountPoint : List.of("tmp", "dev", "proc", "etc/hosts")) {
            assertTrue(Files.exists(rootfs.resolve(mountPoint)), "the image lacks the mount point /" + mountPoint);
        }

        PostgresServer postgres = PostgresServer.shared();
        String password = randomBase64(18);
        String role = "dossier_image";
        postgres.execute("create role " + role + " login password '" + password + "'");
        String database = postgres.createDatabase("dossier_image");
        postgres.execute("alter database " + database + " owner to " + role);
        // A broker of its own (not the JVM's shared one): the consumer group checked below can only be the image's.
        KafkaBroker kafka = new KafkaBroker(Files.createDirectories(work.resolve("kafka")), FreePorts.next(),
                FreePorts.next());
        kafka.start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::stop, "image-test-kafka-stop"));
        int port = FreePorts.next();

        Map<String, String> environment = new LinkedHashMap<>(image.environment());
        environment.put("SERVER_PORT", String.valueOf(port));
        environment.put("SPRING_DATASOURCE_URL", postgres.jdbcUrl(database));
        environment.put("SPRING_DATASOURCE_USERNAME", role);
        environment.put("SPRING_DATASOURCE_PASSWORD", password);
        environment.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        environment.put("PORTAL_DOSSIER_ACCESS_KEY_ENCRYPTION_KEY", randomBase64(32));
        environment.put("HOSTNAME", "dossier-service-image-test");

        Path hosts = work.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1\tlocalhost dossier-service-image-test " + hostName() + "\n"
                + "::1\tlocalhost ip6-localhost ip6-loopback\n");

        List<String> command = new ArrayList<>();
        command.add(tools.get("unshare").toString());
        if (root) {
            command.addAll(List.of("--mount", "--propagation", "private"));
        } else {
            command.addAll(List.of("--user", "--map-root-user", "--mount", "--propagation", "private"));
        }
        command.addAll(List.of(tools.get("sh").toString(), "-c", RUNTIME_SCRIPT, "runtime",
                rootfs.toString(), hosts.toString(), root ? "new" : "host", root ? image.user().get() : "",
                tools.get("chroot").toString(), image.environment().getOrDefault("PATH", "")));
        command.addAll(image.entrypoint());
        command.addAll(image.cmd());

        Path log = work.resolve(SERVICE + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        // The host's sh finds mount with it; the script gives the image's PATH back before chroot.
        builder.environment().put("PATH", tools.get("mount").getParent() + ":/usr/sbin:/usr/bin:/sbin:/bin");
        Process process = builder.start();
        try {
            awaitReadiness(process, port, log, Duration.ofMinutes(4));
            Files.readAllLines(log).stream().filter(line -> line.contains("Started ") || line.contains("JAVA_TOOL_OPTIONS"))
                    .forEach(line -> System.out.println("Image " + SERVICE + ": " + line));

            // The one process of the container: unshare, sh and chroot each replaced themselves (exec) by java.
            Map<String, String> status = procStatus(process.pid());
            assertTrue(status.get("Name").startsWith("java"), "the container's process is " + status.get("Name"));
            String expectedUid = root ? image.user().get().split(":")[0] : currentUid();
            assertEquals(List.of(expectedUid, expectedUid, expectedUid, expectedUid),
                    List.of(status.get("Uid").split("\\s+")), "real, effective, saved and fs uid of the service");
            if (root) {
                String expectedGid = image.user().get().split(":")[1];
                assertEquals(List.of(expectedGid, expectedGid, expectedGid, expectedGid),
                        List.of(status.get("Gid").split("\\s+")), "gids of the service");
            } else {
                assertNotEquals("0", expectedUid);
                System.out.println("Not root: ran under unshare --user --map-root-user as uid " + expectedUid);
            }

            // Its root is mounted read-only: nothing can be written there, not even by root in its namespace.
            String rootMount = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "mountinfo")).stream()
                    .map(line -> line.split(" "))
                    .filter(fields -> fields[4].equals("/"))
                    .reduce((first, second) -> second) // the last one mounted on / is the one it sees
                    .map(fields -> fields[5])
                    .orElseThrow(() -> new AssertionError("no mount on / in the service's mountinfo"));
            assertTrue(List.of(rootMount.split(",")).contains("ro"), "the root is mounted " + rootMount);
            Path probe = rootfs.resolve("write-probe");
            List<String> write = new ArrayList<>(List.of(tools.get("nsenter").toString(),
                    "--target", String.valueOf(process.pid())));
            write.addAll(root ? List.of("--mount") : List.of("--user", "--mount", "--preserve-credentials"));
            write.addAll(List.of(tools.get("touch").toString(), probe.toString()));
            ProcessBuilder writing = new ProcessBuilder(write).redirectErrorStream(true);
            writing.environment().put("LC_ALL", "C"); // touch's message in English
            Process writer = writing.start();
            String writerOutput = new String(writer.getInputStream().readAllBytes());
            assertTrue(writer.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, writer.exitValue(), "writing to the container's / succeeded: " + writerOutput);
            assertTrue(writerOutput.contains("Read-only file system"), writerOutput);
            assertFalse(Files.exists(probe));

            // And it really uses the Kafka it was given: its consumer group is there.
            assertConsumerGroupJoins(kafka.bootstrapServers(), SERVICE, process, log);
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            kafka.stop();
        }
    }

    private record ImageConfig(List<String> entrypoint, List<String> cmd, Map<String, String> environment,
                               Optional<String> user) {
    }

    /**
     * Unpacks an image tarball (docker-save layout, as jib:buildTar writes it, or an OCI image layout) and
     * applies its layers in order to {@code rootfs}, whiteouts included; returns the image's configuration.
     */
    private static ImageConfig unpack(Path tarball, Path directory, Path rootfs, Path tar) throws Exception {
        Files.createDirectories(directory);
        run(List.of(tar.toString(), "-xf", tarball.toString(), "-C", directory.toString()));
        JsonNode config;
        List<Path> layers = new ArrayList<>();
        if (Files.exists(directory.resolve("manifest.json"))) {
            JsonNode manifest = JSON.readTree(directory.resolve("manifest.json").toFile()).get(0);
            config = JSON.readTree(directory.resolve(manifest.get("Config").asString()).toFile());
            manifest.get("Layers").forEach(layer -> layers.add(directory.resolve(layer.asString())));
        } else if (Files.exists(directory.resolve("index.json"))) {
            JsonNode index = JSON.readTree(directory.resolve("index.json").toFile());
            JsonNode manifest = JSON.readTree(blob(directory, index.get("manifests").get(0).get("digest").asString()).toFile());
            config = JSON.readTree(blob(directory, manifest.get("config").get("digest").asString()).toFile());
            manifest.get("layers").forEach(layer -> layers.add(blob(directory, layer.get("digest").asString())));
        } else {
            throw new AssertionError(tarball + " is neither a docker-save tarball nor an OCI image layout");
        }
        for (Path layer : layers) {
            for (String entry : run(List.of(tar.toString(), "-tf", layer.toString())).split("\n")) {
                Path path = Path.of(entry);
                String name = path.getFileName() == null ? "" : path.getFileName().toString();
                if (name.equals(".wh..wh..opq")) {
                    Path opaque = rootfs.resolve(entry).getParent();
                    if (Files.isDirectory(opaque)) {
                        try (Stream<Path> children = Files.list(opaque)) {
                            for (Path child : children.toList()) {
                                deleteRecursively(child);
                            }
                        }
                    }
                } else if (name.startsWith(".wh.")) {
                    deleteRecursively(rootfs.resolve(entry).resolveSibling(name.substring(4)));
                }
            }
            run(List.of(tar.toString(), "-xf", layer.toString(), "-C", rootfs.toString(), "--numeric-owner",
                    "--exclude=.wh.*", "--exclude=*/.wh.*"));
        }
        JsonNode container = config.get("config");
        Map<String, String> environment = new LinkedHashMap<>();
        strings(container.get("Env")).forEach(variable -> {
            int equals = variable.indexOf('=');
            environment.put(variable.substring(0, equals), variable.substring(equals + 1));
        });
        String user = container.hasNonNull("User") ? container.get("User").asString() : "";
        return new ImageConfig(strings(container.get("Entrypoint")), strings(container.get("Cmd")), environment,
                user.isEmpty() ? Optional.empty() : Optional.of(user));
    }

    private static Path blob(Path layout, String digest) {
        String[] parts = digest.split(":", 2);
        return layout.resolve("blobs").resolve(parts[0]).resolve(parts[1]);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(value -> values.add(value.asString()));
        }
        return values;
    }

    private static void awaitReadiness(Process process, int port, Path log, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        URI readiness = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
        Instant deadline = Instant.now().plus(timeout);
        int lastStatus = -1;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                fail("the image's process exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try {
                lastStatus = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (lastStatus == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            Thread.sleep(500);
        }
        fail("no 200 from " + readiness + " (last status " + lastStatus + "):\n" + tail(log));
    }

    private static void assertConsumerGroupJoins(String bootstrapServers, String group, Process process, Path log)
            throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
            while (Instant.now().isBefore(deadline) && process.isAlive()) {
                if (admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS).stream()
                        .map(ConsumerGroupListing::groupId).anyMatch(group::equals)) {
                    return;
                }
                Thread.sleep(500);
            }
        }
        fail("the consumer group " + group + " never appeared in Kafka:\n" + tail(log));
    }

    private static Map<String, Path> hostTools(boolean root) {
        Map<String, Path> tools = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : List.of("unshare", "chroot", "mount", "nsenter", "sh", "tar", "touch")) {
            Optional<Path> found = which(name);
            found.ifPresentOrElse(path -> tools.put(name, path), () -> missing.add(name));
        }
        if (!missing.isEmpty()) {
            fail("running the image needs " + missing + " on the PATH (Debian packages util-linux, coreutils, "
                    + "mount, tar): " + System.getenv("PATH"));
        }
        if (!root) {
            System.out.println("Not root: the container is made with unshare --user --map-root-user "
                    + "(the service then runs as this user, not as the image's uid 1000)");
        }
        return tools;
    }

    private static Optional<Path> which(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + ":/usr/sbin:/sbin:/usr/bin:/bin";
        return Stream.of(path.split(":"))
                .filter(directory -> !directory.isEmpty())
                .map(directory -> Path.of(directory, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static boolean isRoot() throws IOException {
        return currentUid().equals("0");
    }

    private static String currentUid() throws IOException {
        return procStatus(ProcessHandle.current().pid()).get("Uid").split("\\s+")[0];
    }

    private static Map<String, String> procStatus(long pid) throws IOException {
        Map<String, String> status = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            int colon = line.indexOf(':');
            status.put(line.substring(0, colon), line.substring(colon + 1).strip());
        }
        return status;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
        return output;
    }

    private static long regularFileBytes(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }
}
