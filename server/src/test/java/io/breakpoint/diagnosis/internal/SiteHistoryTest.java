package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.internal.SiteMeasurements.Hop;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Point;
import io.breakpoint.telemetry.TelemetryReadings.HopPoint;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/** A site's rollups kept in memory between diagnoses: what a diagnosis gets out of them after hours change. */
class SiteHistoryTest {

    private static final UUID SITE = UUID.randomUUID(), DEVICE = UUID.randomUUID();
    private static final Instant H0 = Instant.parse("2026-11-20T00:00:00Z");

    private static Instant hour(int n) {
        return H0.plus(n, ChronoUnit.HOURS);
    }

    private static HopPoint emr(int hour, Double ms, String target) {
        return new HopPoint(DEVICE, SITE, "EMR", target, hour(hour), ms == null ? null : ms + 40, ms, 3, ms == null ? 3 : 0, 0.5);
    }

    private static List<Point> emrSeries(TelemetryMeasurements.SiteHistory h, int from, int to) {
        Map<UUID, Map<Hop, List<Point>>> out = new HashMap<>();
        h.copy(hour(from), hour(to), out);
        return out.getOrDefault(DEVICE, Map.of()).getOrDefault(Hop.EMR, List.of());
    }

    @Test
    void aRebuiltHourReplacesWhatWasKeptFromThereOnAndTheWindowSeesOnlyItsHours() {
        TelemetryMeasurements.SiteHistory h = new TelemetryMeasurements.SiteHistory(SITE, hour(0), Instant.now());
        List<HopPoint> rows = new ArrayList<>();
        for (int i = 0; i < 6; i++) rows.add(emr(i, 100.0 + i, "https://emr.example.com/login"));
        h.replaceFrom(hour(0), rows);

        assertThat(emrSeries(h, 2, 4)).extracting(Point::ms).containsExactly(102.0, 103.0);
        assertThat(emrSeries(h, 0, 6)).extracting(Point::at).isSorted().hasSize(6);

        // late samples rebuilt hour 3: it is read again with the hours after it, and a failed hour leaves no point
        h.replaceFrom(hour(3), List.of(emr(3, 500.0, "https://emr.example.com/login"), emr(4, null, "https://emr.example.com/login"),
                emr(5, 105.0, "https://emr.example.com/login"), emr(6, 106.0, "https://other-emr.example.com/")));

        assertThat(emrSeries(h, 0, 7)).extracting(Point::ms).containsExactly(100.0, 101.0, 102.0, 500.0, 105.0, 106.0);
        assertThat(h.emrHosts(hour(0), hour(6))).containsExactly("emr.example.com");
        assertThat(h.emrHosts(hour(6), hour(7))).containsExactly("other-emr.example.com");
        assertThat(h.emrHosts(hour(4), hour(5))).as("hour 4 failed, but the host was probed").containsExactly("emr.example.com");
    }

    @Test
    void whatADiagnosisGetsIsItsOwnCopy() {
        TelemetryMeasurements.SiteHistory h = new TelemetryMeasurements.SiteHistory(SITE, hour(0), Instant.now());
        h.replaceFrom(hour(0), List.of(emr(0, 100.0, "emr"), emr(1, 101.0, "emr")));
        Map<UUID, Map<Hop, List<Point>>> out = new HashMap<>();
        h.copy(hour(0), hour(2), out);

        out.get(DEVICE).get(Hop.EMR).add(new Point(hour(2), 999, 0, 0, 1)); // the raw window is appended like this

        assertThat(emrSeries(h, 0, 10)).hasSize(2);
    }
}
