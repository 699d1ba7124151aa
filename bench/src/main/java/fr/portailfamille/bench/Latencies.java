package fr.portailfamille.bench;

import java.util.Locale;

import org.HdrHistogram.Histogram;

/** Latencies recorded in microseconds (HdrHistogram, 3 significant digits), summarised in milliseconds. */
final class Latencies {

    private final Histogram histogram = new Histogram(60_000_000L, 3);

    synchronized void record(long nanos) {
        histogram.recordValue(Math.max(1, Math.min(nanos / 1000, histogram.getHighestTrackableValue())));
    }

    synchronized long count() {
        return histogram.getTotalCount();
    }

    synchronized double percentileMs(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    synchronized double maxMs() {
        return histogram.getMaxValue() / 1000.0;
    }

    /** « p50 12.3 ms, p95 …, p99 …, max … ». */
    synchronized String summary() {
        return String.format(Locale.ROOT, "p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms",
                percentileMs(50), percentileMs(95), percentileMs(99), maxMs());
    }
}
