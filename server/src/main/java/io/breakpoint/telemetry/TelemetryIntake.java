package io.breakpoint.telemetry;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.EnrollmentRequest;
import io.breakpoint.agent.protocol.EnrollmentResponse;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.telemetry.internal.Enrollment;
import io.breakpoint.telemetry.internal.Ingestion;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * Telemetry arriving other than over the agent routes, for other modules: the burst of a one-click slowness
 * report (the diagnosis module receives it), and the demo's devices and weeks of history. The same enrollment and
 * ingestion rules apply as on the routes; hourly rollups can be imported whole, for history older than the raw
 * retention (the demo's four weeks) — never for hours that raw samples will be rolled up into.
 */
@Service
public class TelemetryIntake {

    private final Enrollment enrollment;
    private final Ingestion ingestion;
    private final JdbcTemplate jdbc;

    TelemetryIntake(Enrollment enrollment, Ingestion ingestion, JdbcTemplate jdbc) {
        this.enrollment = enrollment;
        this.ingestion = ingestion;
        this.jdbc = jdbc;
    }

    public EnrollmentResponse enroll(EnrollmentRequest request) {
        return enrollment.enroll(request, null);
    }

    /** Stores a batch for the device exactly as {@code POST /api/v1/telemetry} would (validated, de-duplicated). */
    public BatchReceipt ingest(AuthenticatedDevice device, TelemetryBatch batch) {
        return ingestion.ingest(device, batch);
    }

    /** Writes hourly rollups as given (one row per device, hop, target and hour); returns how many. */
    @Transactional
    public int importHourly(List<HourlyRollup> rollups) {
        List<Object[]> rows = new ArrayList<>(rollups.size());
        for (HourlyRollup r : rollups) {
            rows.add(new Object[]{r.deviceId(), r.hop(), r.target(), Timestamp.from(r.hour()), r.siteId(), r.segmentId(),
                    r.samples(), r.latencyCount(), r.latencyMeanMs(), r.latencyP50Ms(), r.latencyP95Ms(), r.latencyMinMs(),
                    r.latencyMaxMs(), r.firstByteMeanMs(), r.attempts(), r.failures(), r.jitterMeanMs(), r.cpuMean(), r.cpuMax(),
                    r.memoryMean(), r.memoryMax()});
        }
        jdbc.batchUpdate("""
                insert into probe_rollups_hourly (device_id, hop, target, hour_start, site_id, segment_id, samples, latency_count,
                  latency_mean_ms, latency_p50_ms, latency_p95_ms, latency_min_ms, latency_max_ms, first_byte_mean_ms, attempts,
                  failures, jitter_mean_ms, cpu_mean, cpu_max, memory_mean, memory_max)
                values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""", rows);
        return rows.size();
    }
}
