package fr.portailfamille.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The row a Gatling simulation (issue 15, {@code src/test/java/fr/portailfamille/bench/gatling}) appends to
 * {@code bench/RESULTS.md}, under the same rules as {@code bench/run}'s own scenarios ({@link Bench}): before
 * the load, the machine is left to settle ({@code -Dbench.settle}, seconds, 60 by default; 0: do not wait) and
 * described; after it, the figures, the target and whether it was met, and the CPU each part of the local
 * stack used meanwhile (the Gatling JVM is « bench client »). A run with errors is not recorded unless
 * {@code -Dbench.recordErrors=true} (then marked so); {@code -Dbench.record=false} prints only.
 */
public final class GatlingRecord {

    private final String scenario;
    private final Path root;
    private final Machine machine;
    private final ProcessCpu cpu;
    private final Map<String, Long> cpuBefore;
    private final long startNanos;

    private GatlingRecord(String scenario, Path root, Machine machine, ProcessCpu cpu) {
        this.scenario = scenario;
        this.root = root;
        this.machine = machine;
        this.cpu = cpu;
        this.cpuBefore = cpu.snapshot();
        this.startNanos = System.nanoTime();
    }

    /** Called by a simulation's {@code before()}, once its own setup is done, just before the load. */
    public static GatlingRecord start(String scenario) {
        Path root = Bench.root();
        int settle = Integer.parseInt(System.getProperty("bench.settle", "60").strip());
        double busy = settle > 0 ? Machine.settle(0.15, Duration.ofSeconds(settle)) : Machine.busy(2000);
        Machine machine = Machine.now(root, busy);
        System.out.println("== " + scenario + " — " + machine.describe() + ", commit " + machine.commit());
        String data = System.getenv().getOrDefault("PORTAL_LOCAL_DATA", root.resolve(".local-data").toString());
        return new GatlingRecord(scenario, root, machine, new ProcessCpu(Path.of(data), 55432));
    }

    /**
     * Called by the simulation's {@code after()}: prints the outcome and appends it to {@code RESULTS.md} unless
     * it had errors (and {@code -Dbench.recordErrors=true} was not given) or {@code -Dbench.record=false}.
     *
     * @param met {@code null} when the issue gives no target to meet
     * @return whether the row was appended
     */
    public boolean finish(String figures, String target, Boolean met, int errors) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        String split = ProcessCpu.split(cpuBefore, cpu.snapshot(), seconds, Runtime.getRuntime().availableProcessors());
        String all = figures + "; " + split;
        System.out.println("-> " + all);
        System.out.println("-> target " + target + (met == null ? "" : met ? ": met" : ": NOT met")
                + (errors > 0 ? ", " + errors + " error(s)" : ""));
        if (!Boolean.parseBoolean(System.getProperty("bench.record", "true").strip())) {
            System.out.println("Not recorded (-Dbench.record=false).");
            return false;
        }
        if (errors > 0 && !Boolean.parseBoolean(System.getProperty("bench.recordErrors", "false").strip())) {
            System.out.println("Not recorded: the run had errors (-Dbench.recordErrors=true records it anyway, marked so).");
            return false;
        }
        new Results(root.resolve("bench/RESULTS.md")).append(machine, scenario, all, target, met, errors);
        return true;
    }
}
