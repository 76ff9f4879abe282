package io.breakpoint.bench;

import java.util.Arrays;

/** Recorded request latencies (nanoseconds) and their percentiles, by sorting: exact, and cheap at these counts. */
final class Latencies {

    private long[] nanos;
    private int count;

    Latencies(int expected) {
        nanos = new long[Math.max(16, expected)];
    }

    void add(long n) {
        if (count == nanos.length) nanos = Arrays.copyOf(nanos, count * 2);
        nanos[count++] = n;
    }

    void addAll(Latencies other) {
        for (int i = 0; i < other.count; i++) add(other.nanos[i]);
    }

    int count() {
        return count;
    }

    /** The q-quantile in milliseconds (nearest rank). */
    double millis(double q) {
        if (count == 0) return Double.NaN;
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, rank))] / 1e6;
    }

    double maxMillis() {
        return millis(1.0);
    }
}
