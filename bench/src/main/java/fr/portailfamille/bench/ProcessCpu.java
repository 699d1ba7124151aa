package fr.portailfamille.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU time (user + system, from {@code /proc/<pid>/stat}) of the local stack's processes, grouped by
 * part: each service by its jar (only those started with a local stack port in {@code SERVER_PORT}, so
 * that the tests' own copies are not counted), PostgreSQL (the server on the local port and its
 * backends), Kafka and Keycloak (started from the local data directory), the launcher (which also runs
 * the mail catcher) and this bench client. Linux only; elsewhere the split is empty.
 */
final class ProcessCpu {

    private static final Set<String> LOCAL_PORTS = Set.of("8080", "8081", "8082", "8083", "8084", "8085", "8090");
    private static final long TICKS_PER_SECOND = 100; // USER_HZ, 100 on Linux
    /** The key of the whole machine's busy time in a snapshot (every process, exited ones included). */
    private static final String MACHINE = "(machine)";

    private final String localData;
    private final String postgresPort;

    ProcessCpu(Path localData, int postgresPort) {
        this.localData = localData.toAbsolutePath().toString();
        this.postgresPort = String.valueOf(postgresPort);
    }

    /** CPU ticks used so far per part. */
    Map<String, Long> snapshot() {
        Map<String, Long> ticks = new HashMap<>();
        Map<Long, String> partOf = new HashMap<>();
        Map<Long, long[]> stats = new HashMap<>();
        List<Path> processes;
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            processes = proc.filter(p -> p.getFileName().toString().matches("\\d+")).toList();
        } catch (IOException e) {
            return Map.of();
        }
        long self = ProcessHandle.current().pid();
        for (Path process : processes) {
            long pid = Long.parseLong(process.getFileName().toString());
            long[] stat = stat(process);
            if (stat == null) {
                continue;
            }
            stats.put(pid, stat);
            String part = pid == self ? "bench client" : classify(process);
            if (part != null) {
                partOf.put(pid, part);
            }
        }
        // PostgreSQL backends belong to their server; Keycloak's java to its kc.sh.
        for (Map.Entry<Long, long[]> entry : stats.entrySet()) {
            long pid = entry.getKey();
            String part = partOf.get(pid);
            if (part == null) {
                String parent = partOf.get(entry.getValue()[0]);
                if ("postgres".equals(parent) || "keycloak".equals(parent)) {
                    part = parent;
                }
            }
            if (part != null) {
                ticks.merge(part, entry.getValue()[1], Long::sum);
            }
        }
        long machine = machineBusyTicks();
        if (machine >= 0) {
            ticks.put(MACHINE, machine);
        }
        return ticks;
    }

    /** CPU ticks the machine spent busy since boot (all cores; {@code /proc/stat}), -1 when unknown. */
    static long machineBusyTicks() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            return Long.parseLong(cpu[1]) + Long.parseLong(cpu[2]) + Long.parseLong(cpu[3]) + Long.parseLong(cpu[6])
                    + Long.parseLong(cpu[7]) + Long.parseLong(cpu[8]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** « billing-service 31.2 s, postgres 9.8 s, … (total 45.0 s of CPU in 30.1 s on 2 cores) ». */
    static String split(Map<String, Long> before, Map<String, Long> after, double wallSeconds, int cores) {
        if (after.isEmpty()) {
            return "CPU split unavailable (no /proc)";
        }
        Map<String, Double> used = new LinkedHashMap<>();
        after.forEach((part, ticks) -> {
            if (part.equals(MACHINE)) {
                return;
            }
            double seconds = (ticks - before.getOrDefault(part, 0L)) / (double) TICKS_PER_SECOND;
            if (seconds >= 0.05) {
                used.put(part, seconds);
            }
        });
        double total = used.values().stream().mapToDouble(Double::doubleValue).sum();
        String parts = used.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
        String others = "";
        if (after.containsKey(MACHINE) && before.containsKey(MACHINE)) {
            double machine = (after.get(MACHINE) - before.get(MACHINE)) / (double) TICKS_PER_SECOND;
            others = String.format(Locale.ROOT, "; other processes on the machine: %.1f s", Math.max(0, machine - total));
        }
        return String.format(Locale.ROOT, "CPU: %s (local stack and client: %.1f s of CPU in %.1f s on %d cores%s)",
                parts, total, wallSeconds, cores, others);
    }

    private String classify(Path process) {
        String command = read(process.resolve("cmdline")).replace('\0', ' ').strip();
        if (command.isEmpty()) {
            return null;
        }
        if (command.contains("fr.portailfamille.local.LocalStack")) {
            return "launcher and mail catcher";
        }
        if (command.contains("-jar ") && command.contains(".jar")) {
            String environment = read(process.resolve("environ"));
            String port = Stream.of(environment.split("\0")).filter(v -> v.startsWith("SERVER_PORT="))
                    .map(v -> v.substring("SERVER_PORT=".length())).findFirst().orElse("");
            if (!LOCAL_PORTS.contains(port)) {
                return null;
            }
            String jar = command.replaceAll(".*-jar\\s+(\\S+\\.jar).*", "$1");
            String name = Path.of(jar).getFileName().toString();
            return name.substring(0, name.length() - ".jar".length());
        }
        if (command.contains("postgres") && command.contains(postgresPort)
                && command.contains(localData)) {
            return "postgres";
        }
        if (command.contains(localData) && command.contains("kafka")) {
            return "kafka";
        }
        if (command.contains(localData) && (command.contains("keycloak") || command.contains("kc.sh"))) {
            return "keycloak";
        }
        return null;
    }

    /**
     * {parent pid, utime + stime + cutime + cstime} or {@code null}: a process's own time and that of its
     * children it has reaped, so that PostgreSQL backends which exit during a measurement (the pool
     * renews its connections) still count for the server.
     */
    private static long[] stat(Path process) {
        String stat = read(process.resolve("stat"));
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return null;
        }
        String[] fields = stat.substring(end + 2).split(" ");
        // after "pid (comm) ": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime
        try {
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13]) + Long.parseLong(fields[14])};
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static String read(Path file) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
