package fr.portailfamille.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A service started from its executable jar as its own process, configured only by environment
 * variables, as it runs in production. Its output goes to a log file whose tail is shown when it
 * fails to start.
 */
public final class ServiceProcess {

    private final String name;
    private final int port;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int port, Path log, Process process) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.process = process;
    }

    /** Starts {@code java -jar jar} with {@code SERVER_PORT=port} and {@code environment}; does not wait. */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir) {
        return start(name, jar, port, environment, logDir, List.of());
    }

    /** The same with extra JVM options (e.g. {@code -Dreactor.netty.http.server.accessLogEnabled=true}). */
    public static ServiceProcess start(String name, Path jar, int port, Map<String, String> environment, Path logDir,
                                       List<String> jvmOptions) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " does not exist: package the module first");
        }
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(name + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(defaultJvmOptions());
            command.add("-Duser.timezone=UTC");
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
            // A developer's machine, the browser journeys and the bench: the profile local (the shipped,
            // public secrets are accepted; platform/startup-checks). A deployment never sets it.
            builder.environment().put("SPRING_PROFILES_ACTIVE", "local");
            builder.environment().putAll(environment);
            builder.environment().put("SERVER_PORT", String.valueOf(port));
            return new ServiceProcess(name, port, log, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A small heap, the serial collector and the first JIT tier only: seven services and the rest start
     * quickly on 2 cores, which tests and the local stack want. {@code PORTAL_SERVICE_JVM_OPTIONS}
     * (space-separated) replaces them, e.g. to measure with a deployment's options in bench/
     * ({@code PORTAL_SERVICE_JVM_OPTIONS="-Xmx512m" deploy/local/run}).
     */
    static List<String> defaultJvmOptions() {
        String configured = System.getenv("PORTAL_SERVICE_JVM_OPTIONS");
        if (configured != null && !configured.isBlank()) {
            return List.of(configured.strip().split("\\s+"));
        }
        return List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the readiness probe answers 200; fails with the log's tail if the process dies or times out. */
    public ServiceProcess awaitReady(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail(60));
            }
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(
                                URI.create(url() + "/actuator/health/readiness")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Pause.millis(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + ":\n" + tail(60));
    }

    /** Stops the process (SIGTERM: Spring's graceful shutdown), forcibly after 20 s. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    public String tail(int lines) {
        try {
            if (!Files.exists(log)) {
                return "(no output)";
            }
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }
}
