package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.Diagnosis;
import io.breakpoint.diagnosis.DiagnosisThresholds;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Hop;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Purpose;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;

/**
 * The engine alone on a site of 200 devices with 30 days of hourly points on five hops (720,000 points) and
 * two peer sites: how long one site diagnosis takes once the measurements are in memory. Run with
 * {@code bench/run-diagnosis.sh} (not a test: no timing assertion).
 */
public final class DiagnosisBenchmark {

    public static void main(String[] args) {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        SyntheticClinic c = SyntheticClinic.clinic("Bench Clinic");
        c.weeks = 30 / 7 + 1; // 30 days and the current window: 5 weeks of hours, the last one partial
        c.now = SyntheticClinic.NOW;
        UUID[] segments = {c.segment("Clinical 1", Purpose.CLINICAL, false), c.segment("Clinical 2", Purpose.CLINICAL, true),
                c.segment("Front desk", Purpose.CLINICAL, false), c.segment("Imaging", Purpose.IMAGING, false)};
        for (int i = 0; i < devices; i++) {
            var d = c.device("ws-" + i, segments[i % segments.length]);
            if (i % segments.length == 1) d.slower(Hop.GATEWAY, 8, SyntheticClinic.weekdayAfternoons());
        }
        c.named("ws-7").busy(0.97, 0.6, Duration.ofMinutes(30));
        c.peer("Peer A", java.util.Map.of()).peer("Peer B", java.util.Map.of());
        long t0 = System.nanoTime();
        SiteMeasurements m = c.build();
        long built = System.nanoTime() - t0;
        long points = m.devices().stream().mapToLong(d -> d.hops().values().stream().mapToLong(java.util.List::size).sum()).sum();
        BreakpointEngine engine = new BreakpointEngine(DiagnosisThresholds.defaults());
        Diagnosis d = null;
        for (int i = 0; i < 10; i++) d = engine.diagnoseSite(m, c.currentFrom(), c.now, c.now); // warm-up
        double[] ms = new double[runs], cpu = new double[runs];
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime(), c0 = threads.getCurrentThreadCpuTime();
            d = engine.diagnoseSite(m, c.currentFrom(), c.now, c.now);
            ms[i] = (System.nanoTime() - s) / 1e6;
            cpu[i] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpu);
        System.out.printf(Locale.ROOT, "devices=%d points=%,d (built in %.0f ms) runs=%d%n", devices, points, built / 1e6, runs);
        System.out.printf(Locale.ROOT, "site diagnosis wall ms: min %.1f  median %.1f  p95 %.1f  max %.1f%n",
                ms[0], ms[runs / 2], ms[(int) Math.ceil(runs * 0.95) - 1], ms[runs - 1]);
        // On a shared machine wall time includes waiting for a core; CPU time is what the diagnosis itself costs.
        System.out.printf(Locale.ROOT, "site diagnosis CPU ms: min %.1f  median %.1f  p95 %.1f  max %.1f%n",
                cpu[0], cpu[runs / 2], cpu[(int) Math.ceil(runs * 0.95) - 1], cpu[runs - 1]);
        System.out.printf(Locale.ROOT, "load average: %.1f on %d cores%n",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("result: " + d.breakpoint() + " " + d.confidence() + " — " + d.headline());
        d.recurring().forEach(r -> System.out.println("recurring: " + r.text()));
        d.alsoSeen().forEach(f -> System.out.println("also: " + f.breakpoint() + " — " + f.headline()));
    }
}
