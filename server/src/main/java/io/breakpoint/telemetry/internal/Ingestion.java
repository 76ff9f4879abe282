package io.breakpoint.telemetry.internal;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.telemetry.AuthenticatedDevice;
import io.breakpoint.telemetry.NetworkSegment;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

import static io.breakpoint.telemetry.internal.BulkInsert.Type.BOOL;
import static io.breakpoint.telemetry.internal.BulkInsert.Type.FLOAT8;
import static io.breakpoint.telemetry.internal.BulkInsert.Type.INT2;
import static io.breakpoint.telemetry.internal.BulkInsert.Type.INT4;
import static io.breakpoint.telemetry.internal.BulkInsert.Type.TEXT;
import static io.breakpoint.telemetry.internal.BulkInsert.Type.TIMESTAMPTZ;

/**
 * Stores a batch of samples: checks each (a refused sample does not refuse the batch), drops those already stored
 * (resending is safe), corrects the agent's clock when it is far off (decision 0013), and writes everything of the
 * batch in one transaction (COPY on PostgreSQL, multi-row INSERT on H2), then updates the device's last seen, facts, address and segment.
 */
@Component
public class Ingestion {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BulkInsert bulk;
    private final SiteNetworks networks;
    private final TelemetrySettings settings;
    private final Clock clock;
    private final Counter accepted, duplicates, rejected, measurements;

    Ingestion(JdbcClient jdbc, TransactionTemplate tx, BulkInsert bulk, SiteNetworks networks, TelemetrySettings settings, Clock clock,
              MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.bulk = bulk;
        this.networks = networks;
        this.settings = settings;
        this.clock = clock;
        this.accepted = meters.counter("breakpoint.telemetry.samples", "outcome", "accepted");
        this.duplicates = meters.counter("breakpoint.telemetry.samples", "outcome", "duplicate");
        this.rejected = meters.counter("breakpoint.telemetry.samples", "outcome", "rejected");
        this.measurements = meters.counter("breakpoint.telemetry.measurements");
    }

    private static final BulkInsert.Type U = BulkInsert.Type.UUID;
    private static final BulkInsert.Type[] SAMPLE_TYPES = {U, U, U, U, TIMESTAMPTZ, TIMESTAMPTZ, FLOAT8, FLOAT8,
            FLOAT8, FLOAT8, INT4, INT4, BOOL};
    private static final BulkInsert.Type[] PROBE_TYPES = {U, INT2, U, U, U, TIMESTAMPTZ, TEXT, TEXT, FLOAT8,
            FLOAT8, FLOAT8, FLOAT8, FLOAT8, INT4, INT4, FLOAT8, TEXT};

    private record Kept(Sample sample, Instant takenAt, UUID segmentId) {
    }

    public BatchReceipt ingest(AuthenticatedDevice device, TelemetryBatch batch) {
        try {
            return tx.execute(s -> store(device, batch));
        } catch (DuplicateKeyException resentWhileStoring) {
            // The same samples arrived twice at once (a retry racing the first attempt): the other one stored
            // them; this pass now finds them and counts them as duplicates.
            return tx.execute(s -> store(device, batch));
        }
    }

    private BatchReceipt store(AuthenticatedDevice device, TelemetryBatch batch) {
        Instant now = clock.instant();
        List<Sample> samples = batch.samples();
        List<BatchReceipt.Rejected> refused = new ArrayList<>();
        List<NetworkSegment> segments = networks.segments(device.siteId());

        Set<UUID> ids = new HashSet<>();
        for (Sample s : samples) if (s != null && s.id() != null) ids.add(s.id());
        Set<UUID> stored = ids.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("select id from telemetry_samples where id in (:ids)")
                .param("ids", ids).query(UUID.class).list());

        Long skewMs = null;
        List<Kept> kept = new ArrayList<>();
        Map<String, UUID> placed = new HashMap<>(); // an agent's samples mostly share one address: parse it once
        Set<UUID> seen = new HashSet<>();
        int duplicateCount = 0;
        for (Sample s : samples) {
            if (s == null) {
                refused.add(new BatchReceipt.Rejected(null, "empty sample"));
                continue;
            }
            Duration skew = s.sentAt() == null ? Duration.ZERO : Duration.between(now, s.sentAt());
            if (s.sentAt() != null) skewMs = skew.toMillis();
            boolean correct = skew.abs().compareTo(settings.correctSkewAbove) > 0;
            Instant takenAt = s.takenAt() == null ? null : correct ? s.takenAt().minus(skew) : s.takenAt();
            String problem = SampleCheck.problem(s, takenAt, now, settings.maxFutureSkew, settings.rawRetention);
            if (problem != null) {
                refused.add(new BatchReceipt.Rejected(s.id(), problem));
                continue;
            }
            if (stored.contains(s.id()) || !seen.add(s.id())) {
                duplicateCount++;
                continue;
            }
            UUID segment;
            if (placed.containsKey(s.localAddress())) {
                segment = placed.get(s.localAddress());
            } else {
                segment = SiteNetworks.place(segments, s.localAddress());
                placed.put(s.localAddress(), segment);
            }
            kept.add(new Kept(s, takenAt, segment));
        }

        int rows = insert(device, kept, now);
        touch(device, batch, kept, segments, skewMs, now);
        accepted.increment(kept.size());
        duplicates.increment(duplicateCount);
        rejected.increment(refused.size());
        measurements.increment(rows);
        return new BatchReceipt(kept.size(), duplicateCount, refused);
    }

    /** Writes the samples and their probes; returns how many probe rows. */
    private int insert(AuthenticatedDevice device, List<Kept> kept, Instant now) {
        Timestamp received = Timestamp.from(now);
        List<Object[]> sampleRows = new ArrayList<>(kept.size());
        List<Object[]> probeRows = new ArrayList<>();
        for (Kept k : kept) {
            Sample s = k.sample();
            Timestamp taken = Timestamp.from(k.takenAt());
            var state = s.state();
            var throughput = s.throughput();
            var seg = s.segmentation();
            sampleRows.add(new Object[]{s.id(), device.deviceId(), device.siteId(), k.segmentId(), taken, received,
                    state == null ? null : state.cpuLoad(), state == null ? null : state.memoryLoad(),
                    state == null ? null : state.diskUsed(), throughput == null ? null : throughput.megabitsPerSecond(),
                    seg == null ? null : seg.checked(), seg == null ? null : seg.reachable() == null ? 0 : seg.reachable().size(),
                    s.burst()});
            List<ProbeResult> probes = s.probes() == null ? List.of() : s.probes();
            for (int i = 0; i < probes.size(); i++) {
                ProbeResult p = probes.get(i);
                probeRows.add(new Object[]{s.id(), i, device.deviceId(), device.siteId(), k.segmentId(), taken, p.hop(),
                        Text.clean(p.target()), p.dnsMs(), p.connectMs(), p.tlsMs(), p.firstByteMs(), p.totalMs(), p.attempts(),
                        p.failures(), p.jitterMs(), Text.cut(Text.clean(p.error()), 100)});
            }
        }
        bulk.insert("telemetry_samples", "id, device_id, site_id, segment_id, taken_at, received_at, cpu_load, memory_load, "
                + "disk_used, throughput_mbps, guest_checked, guest_reachable, burst", SAMPLE_TYPES, sampleRows);
        bulk.insert("probe_measurements", "sample_id, seq, device_id, site_id, segment_id, taken_at, hop, target, dns_ms, "
                + "connect_ms, tls_ms, first_byte_ms, total_ms, attempts, failures, jitter_ms, error", PROBE_TYPES, probeRows);
        return probeRows.size();
    }

    /** Last seen, agent version, clock skew; from the newest sample: address, segment and facts. */
    private void touch(AuthenticatedDevice device, TelemetryBatch batch, List<Kept> kept, List<NetworkSegment> segments,
                       Long skewMs, Instant now) {
        String version = Text.cut(Text.clean(batch.agentVersion()), 50);
        Kept newest = kept.stream().max(Comparator.comparing(Kept::takenAt)).orElse(null);
        DeviceFacts facts = kept.stream().filter(k -> k.sample().facts() != null).max(Comparator.comparing(Kept::takenAt))
                .map(k -> k.sample().facts()).orElse(null);
        String address = newest == null ? null : Text.cut(Text.clean(newest.sample().localAddress()), 64);
        jdbc.sql("""
                        update devices set last_seen_at = ?, agent_version = coalesce(?, agent_version), clock_skew_ms = coalesce(?, clock_skew_ms)
                        where id = ?""")
                .params(Timestamp.from(now), version, skewMs, device.deviceId()).update();
        if (address != null) {
            jdbc.sql("update devices set local_address = ?, segment_id = ? where id = ?")
                    .params(address, SiteNetworks.place(segments, address), device.deviceId()).update();
        }
        if (facts != null) {
            String hostname = Text.cut(Text.clean(facts.hostname()), 255);
            jdbc.sql("""
                            update devices set facts = ?, hostname = coalesce(?, hostname), os_name = ?, os_version = ?, disk_encrypted = ?
                            where id = ?""")
                    .params(FactsJson.write(facts), hostname == null || hostname.isEmpty() ? null : hostname,
                            Text.cut(Text.clean(facts.osName()), 100), Text.cut(Text.clean(facts.osVersion()), 100),
                            facts.diskEncrypted(), device.deviceId())
                    .update();
        }
    }
}
