package io.breakpoint.telemetry.internal;

import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SegmentationCheck;
import io.breakpoint.agent.protocol.Throughput;
import io.breakpoint.telemetry.NetworkSegment;
import io.breakpoint.telemetry.SegmentPurpose;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The plain-Java rules of ingestion: what a sample may hold, the rate limit, address ranges and hour statistics. */
class IngestionRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Duration FUTURE = Duration.ofMinutes(5), RETENTION = Duration.ofDays(14);

    private static Sample sample(Instant takenAt, DeviceState state, Throughput t, SegmentationCheck seg, ProbeResult... probes) {
        return new Sample(UUID.randomUUID(), takenAt, NOW, "10.0.0.5", null, state, List.of(probes), t, seg, false);
    }

    private static ProbeResult probe(Double total, int attempts, int failures) {
        return new ProbeResult("EMR", "https://emr", 1.0, 2.0, 3.0, 4.0, total, attempts, failures, 0.5, null);
    }

    private static String problem(Sample s) {
        return SampleCheck.problem(s, s.takenAt(), NOW, FUTURE, RETENTION);
    }

    @Test
    void anOrdinarySampleIsFine() {
        assertThat(problem(sample(NOW.minusSeconds(30), new DeviceState(0.3, 0.6, 0.9, List.of()),
                new Throughput(1_000_000, 0.2, 40), new SegmentationCheck(2, List.of()), probe(120.0, 3, 0)))).isNull();
    }

    @Test
    void timestampsWithinTheSkewAllowanceAndRetentionPassAndOthersDoNot() {
        assertThat(problem(sample(NOW.plus(Duration.ofMinutes(4)), null, null, null))).isNull();
        assertThat(problem(sample(NOW.plus(Duration.ofMinutes(6)), null, null, null))).contains("future");
        assertThat(problem(sample(NOW.minus(Duration.ofDays(13)), null, null, null))).isNull();
        assertThat(problem(sample(NOW.minus(Duration.ofDays(15)), null, null, null))).contains("retention");
        assertThat(problem(sample(null, null, null, null))).isEqualTo("no takenAt");
    }

    @Test
    void absurdValuesAreRefused() {
        assertThat(problem(sample(NOW, new DeviceState(-0.1, 0.5, 0.5, List.of()), null, null))).contains("cpuLoad");
        assertThat(problem(sample(NOW, new DeviceState(0.1, 1.01, 0.5, List.of()), null, null))).contains("memoryLoad");
        assertThat(problem(sample(NOW, new DeviceState(0.1, 0.5, Double.NaN, List.of()), null, null))).contains("diskUsed");
        assertThat(problem(sample(NOW, null, null, null, probe(-1.0, 3, 0)))).contains("totalMs");
        assertThat(problem(sample(NOW, null, null, null, probe(600_001.0, 3, 0)))).contains("totalMs");
        assertThat(problem(sample(NOW, null, null, null, probe(600_000.0, 3, 0)))).isNull();
        assertThat(problem(sample(NOW, null, null, null, probe(10.0, 3, 4)))).contains("failures");
        assertThat(problem(sample(NOW, null, new Throughput(-5, 1, 1), null))).contains("bytes");
        assertThat(problem(sample(NOW, null, new Throughput(5, 1, 1e9), null))).contains("megabitsPerSecond");
        assertThat(problem(sample(NOW, null, null, new SegmentationCheck(1, List.of("a:1", "b:2"))))).contains("segmentation");
        assertThat(problem(sample(NOW, null, null, null,
                new ProbeResult("EMR", " ", null, null, null, null, 1.0, 1, 0, null, null)))).contains("target");
    }

    @Test
    void aDeviceGetsItsBurstThenOneRequestPerRefill() {
        AtomicLong nanos = new AtomicLong();
        RateLimiter limiter = new RateLimiter(3, 6, nanos::get); // 3 at once, then one every 10 s
        UUID device = UUID.randomUUID();
        assertThat(limiter.secondsToWait(device)).isZero();
        assertThat(limiter.secondsToWait(device)).isZero();
        assertThat(limiter.secondsToWait(device)).isZero();
        assertThat(limiter.secondsToWait(device)).isEqualTo(10);
        assertThat(limiter.secondsToWait(UUID.randomUUID())).as("another device has its own bucket").isZero();
        nanos.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(limiter.secondsToWait(device)).isZero();
        assertThat(limiter.secondsToWait(device)).isPositive();
    }

    @Test
    void addressRangesAndTheMostSpecificSegment() {
        assertThat(Cidr.parse("10.20.0.0/16")).hasToString("10.20.0.0/16");
        assertThat(Cidr.parse("10.20.3.4/16")).as("host bits are dropped").hasToString("10.20.0.0/16");
        assertThat(Cidr.parse("10.20.0.0/33")).isNull();
        assertThat(Cidr.parse("300.1.1.1/8")).isNull();
        assertThat(Cidr.parse("emr.example.com/24")).as("never a DNS lookup").isNull();
        assertThat(Cidr.parse("fd00:1::/64")).isNotNull();
        UUID wide = UUID.randomUUID(), narrow = UUID.randomUUID(), v6 = UUID.randomUUID();
        List<NetworkSegment> segments = List.of(
                new NetworkSegment(wide, null, "Clinical", SegmentPurpose.CLINICAL, List.of("10.20.0.0/16"), List.of()),
                new NetworkSegment(narrow, null, "Guest", SegmentPurpose.GUEST, List.of("10.20.7.0/24"), List.of()),
                new NetworkSegment(v6, null, "Imaging", SegmentPurpose.IMAGING, List.of("fd00:1::/64"), List.of()));
        assertThat(SiteNetworks.place(segments, "10.20.1.9")).isEqualTo(wide);
        assertThat(SiteNetworks.place(segments, "10.20.7.9")).isEqualTo(narrow);
        assertThat(SiteNetworks.place(segments, "fd00:1::42")).isEqualTo(v6);
        assertThat(SiteNetworks.place(segments, "192.168.1.2")).isNull();
        assertThat(SiteNetworks.place(segments, null)).isNull();
        assertThat(SiteNetworks.place(segments, "not-an-address")).isNull();
    }

    @Test
    void hourStatisticsUseNearestRankPercentiles() {
        HourStats s = new HourStats();
        for (int i = 1; i <= 20; i++) s.add((double) i);
        s.add(null);
        assertThat(s.count()).isEqualTo(20);
        assertThat(s.mean()).isEqualTo(10.5);
        assertThat(s.percentile(50)).isEqualTo(10.0);
        assertThat(s.percentile(95)).isEqualTo(19.0);
        assertThat(s.min()).isEqualTo(1.0);
        assertThat(s.max()).isEqualTo(20.0);
        assertThat(new HourStats().percentile(50)).isNull();
    }
}
