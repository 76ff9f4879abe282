package io.breakpoint.telemetry.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Count, mean, nearest-rank percentiles, min and max of a set of values; plain Java. */
final class HourStats {

    private final List<Double> values = new ArrayList<>();
    private double sum;

    void add(Double v) {
        if (v == null) return;
        values.add(v);
        sum += v;
    }

    int count() {
        return values.size();
    }

    Double mean() {
        return values.isEmpty() ? null : sum / values.size();
    }

    Double min() {
        return values.isEmpty() ? null : Collections.min(values);
    }

    Double max() {
        return values.isEmpty() ? null : Collections.max(values);
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    Double percentile(double p) {
        if (values.isEmpty()) return null;
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }
}
