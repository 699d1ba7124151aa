package fr.portailfamille.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a figure depends on: the machine (cores, memory, processor), how busy it was when the run
 * started (load average: other work on a shared machine), and the commit the jars were built from.
 */
record Machine(int cores, long memoryMb, String processor, double loadAtStart, double busyBeforeStart, String commit) {

    static Machine now(Path root, double busyBeforeStart) {
        return new Machine(Runtime.getRuntime().availableProcessors(), readMemoryMb(), readProcessor(), load(),
                busyBeforeStart, commit(root));
    }

    /**
     * Waits until the machine is quiet — less than {@code threshold} of its cores busy over 5 s (what the
     * local stack still does after an earlier scenario, other work) — for {@code max} at most; returns
     * the share busy over the last 5 s (0–1), or -1 when it cannot be read.
     */
    static double settle(double threshold, java.time.Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        double busy;
        boolean said = false;
        do {
            busy = busy(5000);
            if (busy < threshold || busy < 0) {
                break;
            }
            if (!said) {
                System.out.printf(Locale.ROOT, "Waiting for the machine to settle (%.0f %% busy; at most %d s)...%n",
                        busy * 100, max.toSeconds());
                said = true;
            }
        } while (System.nanoTime() < deadline);
        return busy;
    }

    /** The share of all cores busy during the next {@code millis}. */
    static double busy(long millis) {
        long before = ProcessCpu.machineBusyTicks();
        long start = System.nanoTime();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        long after = ProcessCpu.machineBusyTicks();
        if (before < 0 || after < 0) {
            return -1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return (after - before) / 100.0 / seconds / Runtime.getRuntime().availableProcessors();
    }

    /** The 1-minute load average now (0 when unknown). */
    static double load() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** « 2 cores, 23.5 GB RAM, 3 % busy and load 0.4 at start ». */
    String describe() {
        String busy = busyBeforeStart < 0 ? "" : String.format(Locale.ROOT, "%.0f %% busy and ", busyBeforeStart * 100);
        return String.format(Locale.ROOT, "%d cores, %.1f GB RAM, %sload %.1f at start", cores, memoryMb / 1024.0,
                busy, loadAtStart);
    }

    private static long readMemoryMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }

    private static String readProcessor() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: unknown
        }
        return System.getProperty("os.arch");
    }

    /** The short commit, with « +changes » when tracked files differ from it (the jars may hold them). */
    private static String commit(Path root) {
        String head = git(root, "rev-parse", "--short", "HEAD");
        if (head.isEmpty()) {
            return "unknown";
        }
        return git(root, "status", "--porcelain", "--untracked-files=no").isEmpty() ? head : head + "+changes";
    }

    private static String git(Path root, String... args) {
        try {
            Process git = new ProcessBuilder(concat(args)).directory(root.toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static List<String> concat(String... args) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("git"), java.util.Arrays.stream(args)).toList();
    }
}
