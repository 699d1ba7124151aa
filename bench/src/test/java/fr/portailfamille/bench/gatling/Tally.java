package fr.portailfamille.bench.gatling;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.HdrHistogram.Histogram;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * What a simulation prints at its end besides Gatling's report: its answers sorted by series (« direct »,
 * « gateway »…), by time slot from the first one recorded (one slot per load level, or per few seconds) and
 * by kind ({@link #OK}, or what else came back: « 503 service-surcharge », « 429 », « KO »…), with the
 * response times of the successful ones (HdrHistogram, milliseconds as Gatling gives them). Gatling's report
 * holds the same requests; this says what its pages do not: side by side ratios per load level, and which
 * refusals were shedding.
 */
final class Tally {

    /** The kind of a successful answer. */
    static final String OK = "ok";

    private final long slotMillis;
    private long startMillis = -1;
    private final Map<String, Map<Integer, Slot>> series = new TreeMap<>();

    Tally(Duration slot) {
        this.slotMillis = slot.toMillis();
    }

    private static final class Slot {
        final Histogram ok = new Histogram(3_600_000L, 3);
        final Map<String, Integer> kinds = new TreeMap<>();

        int count(String kind) {
            return kinds.getOrDefault(kind, 0);
        }

        int total() {
            return kinds.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** Records one answer received at {@code atMillis} (epoch), that took {@code millis}. */
    synchronized void record(String name, String kind, long millis, long atMillis) {
        if (startMillis < 0) {
            startMillis = atMillis;
        }
        int slot = (int) Math.max(0, (atMillis - startMillis) / slotMillis);
        Slot cell = series.computeIfAbsent(name, n -> new TreeMap<>()).computeIfAbsent(slot, s -> new Slot());
        cell.kinds.merge(kind, 1, Integer::sum);
        if (OK.equals(kind)) {
            cell.ok.recordValue(Math.max(0, Math.min(millis, cell.ok.getHighestTrackableValue())));
        }
    }

    /**
     * The request, recorded under {@code name} ({@link #OK} or « KO » when one of its checks failed, with its
     * response time); plain when {@code tally} is {@code null}. The virtual user's session is marked as
     * succeeded before it, so that each request is judged on its own checks.
     */
    static ChainBuilder timed(Tally tally, String name, HttpRequestActionBuilder request) {
        if (tally == null) {
            return exec(request);
        }
        return exec(session -> session.markAsSucceeded().remove("millis"))
                .exec(request.check(responseTimeInMillis().saveAs("millis")))
                .exec(session -> {
                    tally.record(name, session.isFailed() ? "KO" : OK,
                            session.contains("millis") ? session.getInt("millis") : 0, System.currentTimeMillis());
                    return session;
                });
    }

    /** The series recorded, by name. */
    synchronized List<String> names() {
        return List.copyOf(series.keySet());
    }

    /** One level (or slot) of a series: its answers, the successful ones, their p50 and p99 (ms). */
    record Level(int slot, int answers, int ok, long p50, long p99) {
    }

    /** The slots of that series in order, with what {@link Level} says of each. */
    synchronized List<Level> levels(String name) {
        List<Level> levels = new ArrayList<>();
        series.getOrDefault(name, Map.of()).forEach((slot, cell) -> levels.add(new Level(slot, cell.total(),
                cell.count(OK), cell.ok.getValueAtPercentile(50), cell.ok.getValueAtPercentile(99))));
        return levels;
    }

    /** The answers of that series by slot, then by kind. */
    synchronized Map<Integer, Map<String, Integer>> kinds(String name) {
        Map<Integer, Map<String, Integer>> kinds = new TreeMap<>();
        series.getOrDefault(name, Map.of()).forEach((slot, cell) -> kinds.put(slot, new TreeMap<>(cell.kinds)));
        return kinds;
    }

    /** The p99 (ms) of the successful answers of that series, all slots together (0 when none). */
    synchronized long p99(String name) {
        Histogram all = new Histogram(3_600_000L, 3);
        series.getOrDefault(name, Map.of()).values().forEach(s -> all.add(s.ok));
        return all.getValueAtPercentile(99);
    }

    /** Answers of that series and kind, all slots together. */
    synchronized int count(String name, String kind) {
        return series.getOrDefault(name, Map.of()).values().stream().mapToInt(s -> s.count(kind)).sum();
    }

    /** Answers of that series that were not {@link #OK}, all slots together. */
    synchronized int notOk(String name) {
        return series.getOrDefault(name, Map.of()).values().stream().mapToInt(s -> s.total() - s.count(OK)).sum();
    }

    /** « p50 3 ms, p95 …, p99 …, max … » of the successful answers of that series, all slots together. */
    synchronized String latencies(String name) {
        Histogram all = new Histogram(3_600_000L, 3);
        series.getOrDefault(name, Map.of()).values().forEach(s -> all.add(s.ok));
        return latencies(all);
    }

    /**
     * One line per slot of that series: its answers by kind, successful ones per second and their
     * p50/p95/p99/max.
     */
    synchronized List<String> rows(String name) {
        List<String> rows = new ArrayList<>();
        series.getOrDefault(name, Map.of()).forEach((slot, cell) -> {
            List<String> kinds = new ArrayList<>();
            cell.kinds.forEach((kind, n) -> kinds.add(n + " " + kind));
            rows.add(String.format(Locale.ROOT, "%s %s: %s; %.1f ok/s, %s", name, span(slot), String.join(", ", kinds),
                    perSecond(cell.count(OK)), latencies(cell.ok)));
        });
        return rows;
    }

    /**
     * One line per slot where both series answered: {@code other}'s successful answers per second as a share
     * of {@code base}'s, and what {@code other} adds to {@code base}'s p50 and p99.
     */
    synchronized List<String> compare(String base, String other) {
        List<String> rows = new ArrayList<>();
        Map<Integer, Slot> baseSlots = series.getOrDefault(base, Map.of());
        Map<Integer, Slot> otherSlots = series.getOrDefault(other, Map.of());
        baseSlots.forEach((slot, b) -> {
            Slot o = otherSlots.get(slot);
            if (o == null || b.count(OK) == 0 || o.count(OK) == 0) {
                return;
            }
            rows.add(String.format(Locale.ROOT, "%s: %s/%s throughput %.1f %% (%.1f vs %.1f ok/s), p50 %+d ms, p99 %+d ms",
                    span(slot), other, base, 100.0 * o.count(OK) / b.count(OK), perSecond(o.count(OK)),
                    perSecond(b.count(OK)), o.ok.getValueAtPercentile(50) - b.ok.getValueAtPercentile(50),
                    o.ok.getValueAtPercentile(99) - b.ok.getValueAtPercentile(99)));
        });
        return rows;
    }

    private String span(int slot) {
        return String.format(Locale.ROOT, "%d–%d s", slot * slotMillis / 1000, (slot + 1) * slotMillis / 1000);
    }

    private double perSecond(int count) {
        return count * 1000.0 / slotMillis;
    }

    private static String latencies(Histogram histogram) {
        if (histogram.getTotalCount() == 0) {
            return "no successful answer";
        }
        return String.format(Locale.ROOT, "p50 %d ms, p95 %d ms, p99 %d ms, max %d ms",
                histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(95),
                histogram.getValueAtPercentile(99), histogram.getMaxValue());
    }
}
