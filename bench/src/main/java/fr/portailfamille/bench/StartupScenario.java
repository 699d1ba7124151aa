package fr.portailfamille.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Issue 15, scenario 6: <b>cold start and memory</b>. The local stack's own figures first, as
 * {@code deploy/local/run} wrote them when it printed « Portail Famille est prêt » ({@code ready.properties}
 * in its data directory: seconds from the launch to ready, demo data included, and the resident memory of all
 * its processes then). Then each service <b>alone</b>: a second instance of each running service (identity,
 * dossier, billing, messaging, notification, the gateway, the bank simulator) is started one after the other
 * with the same command line and environment as the running one (same JVM options, PostgreSQL, Kafka,
 * Keycloak), on its port + 10,000, while the stack is otherwise idle; measured: from the process's launch to
 * its readiness answering 200 ({@code /actuator/health/readiness}), Spring Boot's own « Started … in N
 * seconds », and its memory once ready (RSS and PSS, {@code /proc/<pid>/smaps_rollup}); then it is stopped (SIGTERM). The second instance
 * joins its service's Kafka consumer groups for those seconds (a rebalance the running one absorbs) and runs
 * its scheduled jobs once at most, as a second replica would. Target (issue 15): the stack ready ≤ 90 s after
 * the first start (a start with its data already there: the very first builds Keycloak), total RSS ≤ 2.5 GB,
 * read as the sum of the processes' PSS (a sum of RSS counts memory shared between processes once per process).
 */
final class StartupScenario {

    private static final Map<String, Integer> SERVICES = new LinkedHashMap<>();
    private static final Pattern STARTED = Pattern.compile("Started \\S+ in ([0-9.]+) seconds");

    static {
        SERVICES.put("identity-service", 8081);
        SERVICES.put("dossier-service", 8082);
        SERVICES.put("billing-service", 8083);
        SERVICES.put("messaging-service", 8084);
        SERVICES.put("notification-service", 8085);
        SERVICES.put("gateway", 8080);
        SERVICES.put("bank-simulator", 8090);
    }

    private final Bench.Options options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    StartupScenario(Bench.Options options) {
        this.options = options;
    }

    Bench.Outcome run() {
        Properties ready = new Properties();
        Path readyFile = options.localData().resolve("ready.properties");
        int errors = 0;
        String stack;
        long readySeconds = -1;
        long residentMb = -1;
        try {
            ready.load(Files.newBufferedReader(readyFile, StandardCharsets.UTF_8));
            readySeconds = Long.parseLong(ready.getProperty("readySeconds"));
            residentMb = Long.parseLong(ready.getProperty("proportionalMb", ready.getProperty("residentMb")));
            stack = String.format(Locale.ROOT, "local stack (deploy/local/run, %s): ready in %d s, memory of all its "
                            + "processes then %d MB (PSS%s)", ready.getProperty("readyAt"), readySeconds, residentMb,
                    ready.containsKey("proportionalMb") ? "; their RSS added up: " + ready.getProperty("residentMb")
                            + " MB, PostgreSQL's shared buffers counted once per backend" : ": not written by this launcher, RSS");
        } catch (IOException | RuntimeException e) {
            stack = "local stack: " + readyFile + " not found (a stack started before it was written: restart it)";
            errors++;
        }
        List<String> alone = new ArrayList<>();
        Path logs = options.root().resolve("bench/target/startup");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, Integer> service : SERVICES.entrySet()) {
            try {
                alone.add(startAlone(service.getKey(), service.getValue(), logs));
            } catch (RuntimeException e) {
                alone.add(service.getKey() + ": " + e.getMessage());
                errors++;
            }
            System.out.println("  " + alone.get(alone.size() - 1));
        }
        String figures = stack + "; each service alone (a second instance, same JVM options, on an idle stack): "
                + String.join("; ", alone);
        Boolean met = readySeconds < 0 ? Boolean.FALSE : readySeconds <= 90 && residentMb <= 2560;
        return new Bench.Outcome("cold start and memory", figures,
                "stack ready ≤ 90 s after the first start, total RSS ≤ 2.5 GB", met, errors);
    }

    private String startAlone(String service, int port, Path logs) {
        ProcessHandle running = listening(port);
        List<String> command = List.of(read(Path.of("/proc", String.valueOf(running.pid()), "cmdline")).split("\0"));
        Map<String, String> environment = new LinkedHashMap<>();
        for (String variable : read(Path.of("/proc", String.valueOf(running.pid()), "environ")).split("\0")) {
            int eq = variable.indexOf('=');
            if (eq > 0) {
                environment.put(variable.substring(0, eq), variable.substring(eq + 1));
            }
        }
        int copyPort = port + 10_000;
        environment.put("SERVER_PORT", String.valueOf(copyPort));
        Path log = logs.resolve(service + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        long start = System.nanoTime();
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            URI readiness = URI.create("http://127.0.0.1:" + copyPort + "/actuator/health/readiness");
            long deadline = start + Duration.ofMinutes(3).toNanos();
            while (!ready(readiness)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("stopped before ready (see " + log + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not ready after 3 minutes (see " + log + ")");
                }
                sleep(100);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            long rssMb = memoryKb(process.pid(), "Rss:") / 1024;
            long pssMb = memoryKb(process.pid(), "Pss:") / 1024;
            Matcher started = STARTED.matcher(read(log));
            String spring = started.find() ? " (Spring Boot: started in " + started.group(1) + " s)" : "";
            return String.format(Locale.ROOT, "%s ready in %.1f s%s, RSS %d MB (PSS %d MB)", service, seconds, spring,
                    rssMb, pssMb);
        } finally {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The java process of the local stack serving that port (its environment says SERVER_PORT=port). */
    private static ProcessHandle listening(int port) {
        try (Stream<ProcessHandle> all = ProcessHandle.allProcesses()) {
            return all.filter(p -> ("\0" + read(Path.of("/proc", String.valueOf(p.pid()), "environ")))
                            .contains("\0SERVER_PORT=" + port + "\0"))
                    .filter(p -> read(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).contains("-jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no running instance on port " + port
                            + " (is deploy/local/run running?)"));
        }
    }

    private boolean ready(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** {@code Rss:} or {@code Pss:} of /proc/<pid>/smaps_rollup, in kB (-1 when unreadable). */
    private static long memoryKb(long pid, String field) {
        for (String line : read(Path.of("/proc", String.valueOf(pid), "smaps_rollup")).split("\n")) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        return -1;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
