package io.breakpoint.telemetry;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.time.Instant;

/**
 * What the agents measured, for the diagnosis: raw hop measurements (kept {@code breakpoint.telemetry.raw-retention},
 * 14 days by default) and hourly rollups (kept {@code breakpoint.telemetry.rollup-retention}, 13 months). Every
 * window is {@code [from, to)} and every list is in time order. Use raw readings for the recent window of a
 * device or site and rollups for baselines over weeks. No access check: callers act for the desk.
 */
@Service
@Transactional(readOnly = true)
public class TelemetryReadings {

    private static final String RAW = """
            select m.*, s.cpu_load, s.memory_load, s.burst from probe_measurements m join telemetry_samples s on s.id = m.sample_id
            """;
    private static final String STATES = "select * from telemetry_samples";
    private static final String ROLLUPS = "select * from probe_rollups_hourly";

    private final JdbcClient jdbc;

    TelemetryReadings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<ProbeReading> rawForDevice(UUID deviceId, Instant from, Instant to) {
        return jdbc.sql(RAW + " where m.device_id = ? and m.taken_at >= ? and m.taken_at < ? order by m.taken_at, m.seq")
                .params(deviceId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::reading).list();
    }

    public List<ProbeReading> rawForSite(UUID siteId, Instant from, Instant to) {
        return jdbc.sql(RAW + " where m.site_id = ? and m.taken_at >= ? and m.taken_at < ? order by m.taken_at, m.device_id, m.seq")
                .params(siteId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::reading).list();
    }

    public List<DeviceStateReading> statesForDevice(UUID deviceId, Instant from, Instant to) {
        return jdbc.sql(STATES + " where device_id = ? and taken_at >= ? and taken_at < ? order by taken_at")
                .params(deviceId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::state).list();
    }

    public List<DeviceStateReading> statesForSite(UUID siteId, Instant from, Instant to) {
        return jdbc.sql(STATES + " where site_id = ? and taken_at >= ? and taken_at < ? order by taken_at, device_id")
                .params(siteId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::state).list();
    }

    public List<HourlyRollup> hourlyForDevice(UUID deviceId, Instant from, Instant to) {
        return jdbc.sql(ROLLUPS + " where device_id = ? and hour_start >= ? and hour_start < ? order by hour_start, hop, target")
                .params(deviceId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::rollup).list();
    }

    public List<HourlyRollup> hourlyForSegment(UUID segmentId, Instant from, Instant to) {
        return jdbc.sql(ROLLUPS + " where segment_id = ? and hour_start >= ? and hour_start < ? order by hour_start, device_id, hop, target")
                .params(segmentId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::rollup).list();
    }

    public List<HourlyRollup> hourlyForSite(UUID siteId, Instant from, Instant to) {
        return jdbc.sql(ROLLUPS + " where site_id = ? and hour_start >= ? and hour_start < ? order by hour_start, device_id, hop, target")
                .params(siteId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::rollup).list();
    }

    /** Several sites at once (peers: other sites that use the same EMR). */
    public List<HourlyRollup> hourlyForSites(Collection<UUID> siteIds, Instant from, Instant to) {
        if (siteIds.isEmpty()) return List.of();
        return jdbc.sql(ROLLUPS + " where site_id in (:sites) and hour_start >= :from and hour_start < :to order by hour_start, site_id, device_id, hop, target")
                .param("sites", siteIds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(TelemetryReadings::rollup).list();
    }

    /**
     * One hop's time at one moment, reduced to what a latency series needs: a raw measurement or an hourly rollup.
     * {@code latencyMs}: the raw probe's {@link ProbeReading#latencyMs()}, or the rollup's median (its mean where
     * it has no median and not every try failed); null when the probe failed. {@code firstByteMs} and
     * {@code jitterMs}: the raw value, or the hour's mean.
     */
    public record HopPoint(UUID deviceId, UUID siteId, String hop, String target, Instant at, Double latencyMs,
                           Double firstByteMs, int attempts, int failures, Double jitterMs) {
    }

    /** A raw hop row as a {@link HopPoint}, with its sample: a resent or re-read sample is the same sample. */
    public record RawHopPoint(UUID sampleId, HopPoint point) {
    }

    /** {@link #rawForSite} with only the columns of a {@link HopPoint}: no join with the samples. */
    public List<RawHopPoint> rawPointsForSite(UUID siteId, Instant from, Instant to) {
        return jdbc.sql("""
                        select device_id, site_id, hop, target, taken_at, coalesce(total_ms, connect_ms) latency, first_byte_ms,
                          attempts, failures, jitter_ms, sample_id
                        from probe_measurements where site_id = ? and taken_at >= ? and taken_at < ? order by taken_at, device_id, seq""")
                .params(siteId, Timestamp.from(from), Timestamp.from(to)).query(TelemetryReadings::rawPoint).list();
    }

    /** A sample by its id and the time it was taken. */
    public record SampleTaken(UUID sampleId, Instant takenAt) {
    }

    /**
     * The site's samples the server received at or after {@code receivedFrom}, taken at or after {@code takenFrom}:
     * what arrived since a reader last looked, late samples of the agent's offline queue included (an old taken
     * time, a new received time). A slow intake can commit samples received a little before the newest one: readers
     * look back a margin and tell samples apart by id (then read the rows of the new ones, {@link #rawPointsOfSamples}).
     */
    public List<SampleTaken> samplesReceivedForSite(UUID siteId, Instant receivedFrom, Instant takenFrom) {
        return jdbc.sql("select id, taken_at from telemetry_samples where received_at >= ? and site_id = ? and taken_at >= ?")
                .params(Timestamp.from(receivedFrom), siteId, Timestamp.from(takenFrom))
                .query((rs, n) -> new SampleTaken(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant())).list();
    }

    /** The raw hop rows of these samples, in the order of {@link #rawPointsForSite}. */
    public List<RawHopPoint> rawPointsOfSamples(Collection<UUID> sampleIds) {
        if (sampleIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        select device_id, site_id, hop, target, taken_at, coalesce(total_ms, connect_ms) latency, first_byte_ms,
                          attempts, failures, jitter_ms, sample_id
                        from probe_measurements where sample_id in (:samples) order by taken_at, device_id, seq""")
                .param("samples", sampleIds).query(TelemetryReadings::rawPoint).list();
    }

    /** The device states of these samples, in the order of {@link #statesForSite}. */
    public List<DeviceStateReading> statesOfSamples(Collection<UUID> sampleIds) {
        if (sampleIds.isEmpty()) return List.of();
        return jdbc.sql(STATES + " where id in (:samples) order by taken_at, device_id")
                .param("samples", sampleIds).query(TelemetryReadings::state).list();
    }

    /** When the server last received a sample (any site); null before the first. */
    public Instant lastReceivedAt() {
        Timestamp last = jdbc.sql("select max(received_at) from telemetry_samples").query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1))).single().orElse(null);
        return last == null ? null : last.toInstant();
    }

    private static RawHopPoint rawPoint(ResultSet rs, int n) throws SQLException {
        return new RawHopPoint(rs.getObject(11, UUID.class), point(rs, n));
    }

    /**
     * {@link #hourlyForSites} with only the columns of a {@link HopPoint}, of the given hops (all when empty): a
     * site's weeks of rollups are read for every diagnosis of a new hour, and 21 columns of them cost seconds.
     */
    public List<HopPoint> hourlyPointsForSites(Collection<UUID> siteIds, Collection<String> hops, Instant from, Instant to) {
        if (siteIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        select device_id, site_id, hop, target, hour_start,
                          coalesce(latency_p50_ms, case when attempts > 0 and failures = attempts then null else latency_mean_ms end) latency,
                          first_byte_mean_ms, attempts, failures, jitter_mean_ms
                        from probe_rollups_hourly where site_id in (:sites) and hour_start >= :from and hour_start < :to"""
                        + (hops.isEmpty() ? "" : " and hop in (:hops)") + " order by hour_start, site_id, device_id, hop, target")
                .param("sites", siteIds).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("hops", hops.isEmpty() ? List.of("") : hops)
                .query(TelemetryReadings::point).list();
    }

    private static HopPoint point(ResultSet rs, int n) throws SQLException {
        return new HopPoint(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                rs.getTimestamp(5).toInstant(), d(rs, 6), d(rs, 7), rs.getInt(8), rs.getInt(9), d(rs, 10));
    }

    private static Double d(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Double d(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static Integer i(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }

    private static ProbeReading reading(ResultSet rs, int n) throws SQLException {
        return new ProbeReading(rs.getObject("sample_id", UUID.class), rs.getObject("device_id", UUID.class),
                rs.getObject("site_id", UUID.class), rs.getObject("segment_id", UUID.class), rs.getTimestamp("taken_at").toInstant(),
                rs.getString("hop"), rs.getString("target"), d(rs, "dns_ms"), d(rs, "connect_ms"), d(rs, "tls_ms"),
                d(rs, "first_byte_ms"), d(rs, "total_ms"), rs.getInt("attempts"), rs.getInt("failures"), d(rs, "jitter_ms"),
                rs.getString("error"), d(rs, "cpu_load"), d(rs, "memory_load"), rs.getBoolean("burst"));
    }

    private static DeviceStateReading state(ResultSet rs, int n) throws SQLException {
        return new DeviceStateReading(rs.getObject("id", UUID.class), rs.getObject("device_id", UUID.class),
                rs.getObject("segment_id", UUID.class), rs.getTimestamp("taken_at").toInstant(), d(rs, "cpu_load"),
                d(rs, "memory_load"), d(rs, "disk_used"), d(rs, "throughput_mbps"), i(rs, "guest_checked"),
                i(rs, "guest_reachable"), rs.getBoolean("burst"));
    }

    private static HourlyRollup rollup(ResultSet rs, int n) throws SQLException {
        return new HourlyRollup(rs.getObject("device_id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getObject("segment_id", UUID.class), rs.getString("hop"), rs.getString("target"),
                rs.getTimestamp("hour_start").toInstant(), rs.getInt("samples"), rs.getInt("latency_count"),
                d(rs, "latency_mean_ms"), d(rs, "latency_p50_ms"), d(rs, "latency_p95_ms"), d(rs, "latency_min_ms"),
                d(rs, "latency_max_ms"), d(rs, "first_byte_mean_ms"), rs.getInt("attempts"), rs.getInt("failures"),
                d(rs, "jitter_mean_ms"), d(rs, "cpu_mean"), d(rs, "cpu_max"), d(rs, "memory_mean"), d(rs, "memory_max"));
    }
}
