package io.breakpoint.telemetry.internal;

import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SegmentationCheck;
import io.breakpoint.agent.protocol.Throughput;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Whether a sample may be stored, and why not: values no probe or operating system can produce would poison the
 * baselines the diagnosis compares against, so such a sample is refused whole, with a reason the agent logs.
 * Plain Java, tested without Spring.
 */
public final class SampleCheck {

    /** No probe runs longer than its timeout; ten minutes is far beyond any the agent uses. */
    static final double MAX_MS = 600_000;
    static final int MAX_PROBES = 100;
    static final int MAX_ATTEMPTS = 1_000;
    /** A throughput figure above 100 Gbit/s is a measurement error on any clinic link. */
    static final double MAX_MBPS = 100_000;
    /** Hops the diagnosis knows are GATEWAY, EDGE, REFERENCE, EMR, EMR_TRANSACTION and THROUGHPUT; a newer agent may add more. */
    static final Pattern HOP = Pattern.compile("[A-Z][A-Z0-9_]{0,19}");

    private SampleCheck() {
    }

    /**
     * Why the sample cannot be stored, or null when it can. {@code takenAt} is the time after correcting the
     * agent's clock; it must lie between {@code now - retention} and {@code now + maxFuture}.
     */
    public static String problem(Sample s, Instant takenAt, Instant now, Duration maxFuture, Duration retention) {
        if (s.id() == null) return "no id";
        if (takenAt == null) return "no takenAt";
        if (takenAt.isAfter(now.plus(maxFuture))) {
            return "takenAt is " + Duration.between(now, takenAt).toMinutes() + " minutes in the future (more than "
                    + maxFuture.toMinutes() + " allowed for clock skew)";
        }
        if (takenAt.isBefore(now.minus(retention))) {
            return "takenAt is older than the " + retention.toDays() + "-day retention of raw measurements";
        }
        if (s.localAddress() != null && s.localAddress().length() > 64) return "localAddress is longer than 64 characters";
        DeviceState state = s.state();
        if (state != null) {
            String p = share("state.cpuLoad", state.cpuLoad());
            if (p == null) p = share("state.memoryLoad", state.memoryLoad());
            if (p == null) p = share("state.diskUsed", state.diskUsed());
            if (p != null) return p;
        }
        Throughput t = s.throughput();
        if (t != null) {
            if (t.bytes() < 0) return "throughput.bytes " + t.bytes() + " is negative";
            if (!range(t.seconds(), 0, 3600)) return "throughput.seconds " + t.seconds() + " is not from 0 to 3600";
            if (!range(t.megabitsPerSecond(), 0, MAX_MBPS)) return "throughput.megabitsPerSecond " + t.megabitsPerSecond() + " is not from 0 to " + (long) MAX_MBPS;
        }
        SegmentationCheck seg = s.segmentation();
        if (seg != null) {
            int reachable = seg.reachable() == null ? 0 : seg.reachable().size();
            if (seg.checked() < 0 || reachable > seg.checked()) return "segmentation: " + reachable + " reachable of " + seg.checked() + " checked";
        }
        List<ProbeResult> probes = s.probes() == null ? List.of() : s.probes();
        if (probes.size() > MAX_PROBES) return "more than " + MAX_PROBES + " probes in one sample";
        for (int i = 0; i < probes.size(); i++) {
            String p = probe(probes.get(i));
            if (p != null) return "probes[" + i + "]: " + p;
        }
        return null;
    }

    static String probe(ProbeResult p) {
        if (p == null) return "empty";
        if (p.hop() == null || !HOP.matcher(p.hop()).matches()) return "hop \"" + abbreviate(p.hop()) + "\" is not a hop name such as GATEWAY or EMR";
        if (p.target() == null || p.target().isBlank()) return "no target";
        if (p.target().length() > 500) return "target is longer than 500 characters";
        String t = time("dnsMs", p.dnsMs());
        if (t == null) t = time("connectMs", p.connectMs());
        if (t == null) t = time("tlsMs", p.tlsMs());
        if (t == null) t = time("firstByteMs", p.firstByteMs());
        if (t == null) t = time("totalMs", p.totalMs());
        if (t == null) t = time("jitterMs", p.jitterMs());
        if (t != null) return t;
        if (p.attempts() < 0 || p.attempts() > MAX_ATTEMPTS) return "attempts " + p.attempts() + " is not from 0 to " + MAX_ATTEMPTS;
        if (p.failures() < 0 || p.failures() > Math.max(p.attempts(), 1)) return "failures " + p.failures() + " is not from 0 to attempts (" + p.attempts() + ")";
        return null;
    }

    private static String time(String name, Double ms) {
        if (ms == null) return null;
        return range(ms, 0, MAX_MS) ? null : name + " " + ms + " is not a time from 0 to " + (long) MAX_MS + " ms";
    }

    private static String share(String name, double v) {
        return range(v, 0, 1) ? null : name + " " + v + " is not a share from 0 to 1";
    }

    private static boolean range(double v, double min, double max) {
        return !Double.isNaN(v) && v >= min && v <= max;
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
