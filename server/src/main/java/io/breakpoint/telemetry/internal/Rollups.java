package io.breakpoint.telemetry.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.breakpoint.telemetry.HourlyRollupsRebuilt;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.*;

/**
 * Builds the hourly rollups incrementally: each run finds the (device, hour) pairs that received samples since the
 * last run (by telemetry_samples.received_at) and rebuilds those rollup rows whole from the raw rows, so samples
 * that arrive late (an agent's offline queue) land in the right hour. Runs a minute behind the clock, so rows of
 * ingestion transactions still committing are picked up by the next run. One instance at a time (ShedLock).
 */
@Component
public class Rollups {

    private static final Logger log = LoggerFactory.getLogger(Rollups.class);
    private static final String PROGRESS = "hourly";
    /** How far behind the clock the job reads; longer than any ingestion transaction takes to commit. */
    private static final Duration SETTLE = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final boolean enabled;
    private final ApplicationEventPublisher events;

    Rollups(JdbcClient jdbc, TransactionTemplate tx, Clock clock,
            @Value("${breakpoint.telemetry.rollup.enabled:true}") boolean enabled, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.enabled = enabled;
        this.events = events;
    }

    @Scheduled(fixedDelayString = "${breakpoint.telemetry.rollup.every:PT5M}", initialDelayString = "${breakpoint.telemetry.rollup.first-after:PT1M}")
    @SchedulerLock(name = "telemetry-rollups", lockAtMostFor = "PT30M")
    public void run() {
        if (enabled) rollUp();
    }

    private record DeviceHour(UUID deviceId, Instant hour) {
    }

    /** Rolls up everything received up to a minute ago; returns how many (device, hour) pairs it rebuilt. */
    public int rollUp() {
        return rollUp(clock.instant().minus(SETTLE));
    }

    /** Rolls up everything received up to {@code upTo}. */
    public int rollUp(Instant upTo) {
        Instant from = jdbc.sql("select rolled_to from telemetry_rollup_progress where name = ?").param(PROGRESS)
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElse(Instant.EPOCH);
        if (!upTo.isAfter(from)) return 0;
        Set<DeviceHour> touched = new LinkedHashSet<>();
        jdbc.sql("select device_id, taken_at from telemetry_samples where received_at > ? and received_at <= ? order by device_id, taken_at")
                .params(Timestamp.from(from), Timestamp.from(upTo))
                .query((rs, n) -> touched.add(new DeviceHour(rs.getObject(1, UUID.class),
                        rs.getTimestamp(2).toInstant().truncatedTo(ChronoUnit.HOURS))))
                .list();
        Map<UUID, Instant> earliest = new HashMap<>();
        for (DeviceHour dh : touched) {
            UUID site;
            try {
                site = tx.execute(s -> rebuild(dh.deviceId(), dh.hour()));
            } catch (DuplicateKeyException rebuiltAtTheSameTime) {
                site = tx.execute(s -> rebuild(dh.deviceId(), dh.hour())); // a manual run raced the scheduled one
            }
            if (site != null) earliest.merge(site, dh.hour(), (a, b) -> a.isBefore(b) ? a : b);
        }
        tx.executeWithoutResult(s -> {
            int updated = jdbc.sql("update telemetry_rollup_progress set rolled_to = ? where name = ?")
                    .params(Timestamp.from(upTo), PROGRESS).update();
            if (updated == 0) {
                jdbc.sql("insert into telemetry_rollup_progress (name, rolled_to) values (?, ?)").params(PROGRESS, Timestamp.from(upTo)).update();
            }
        });
        if (!touched.isEmpty()) log.debug("Rolled up {} device-hours", touched.size());
        if (!earliest.isEmpty()) events.publishEvent(new HourlyRollupsRebuilt(earliest));
        return touched.size();
    }

    private record Key(String hop, String target) {
    }

    private static final class Group {
        UUID siteId, segmentId;
        Instant latest = Instant.MIN;
        int samples, attempts, failures;
        final HourStats latency = new HourStats(), firstByte = new HourStats(), jitter = new HourStats();
    }

    /** Replaces the rollup rows of one device and hour with what the raw rows say now; returns their site (null: none). */
    UUID rebuild(UUID deviceId, Instant hour) {
        Timestamp start = Timestamp.from(hour), end = Timestamp.from(hour.plus(1, ChronoUnit.HOURS));
        HourStats cpu = new HourStats(), memory = new HourStats();
        jdbc.sql("select cpu_load, memory_load from telemetry_samples where device_id = ? and taken_at >= ? and taken_at < ?")
                .params(deviceId, start, end)
                .query((rs, n) -> {
                    double c = rs.getDouble(1);
                    if (!rs.wasNull()) cpu.add(c);
                    double m = rs.getDouble(2);
                    if (!rs.wasNull()) memory.add(m);
                    return n;
                }).list();
        Map<Key, Group> groups = new LinkedHashMap<>();
        jdbc.sql("""
                        select hop, target, site_id, segment_id, taken_at, connect_ms, first_byte_ms, total_ms, attempts, failures, jitter_ms
                        from probe_measurements where device_id = ? and taken_at >= ? and taken_at < ?""")
                .params(deviceId, start, end)
                .query((rs, n) -> {
                    Group g = groups.computeIfAbsent(new Key(rs.getString(1), rs.getString(2)), k -> new Group());
                    Instant at = rs.getTimestamp(5).toInstant();
                    g.siteId = rs.getObject(3, UUID.class);
                    if (!at.isBefore(g.latest)) {
                        g.latest = at;
                        g.segmentId = rs.getObject(4, UUID.class);
                    }
                    Double connect = value(rs.getDouble(6), rs.wasNull());
                    Double firstByte = value(rs.getDouble(7), rs.wasNull());
                    Double total = value(rs.getDouble(8), rs.wasNull());
                    g.latency.add(total != null ? total : connect);
                    g.firstByte.add(firstByte);
                    g.samples++;
                    g.attempts += rs.getInt(9);
                    g.failures += rs.getInt(10);
                    g.jitter.add(value(rs.getDouble(11), rs.wasNull()));
                    return n;
                }).list();
        jdbc.sql("delete from probe_rollups_hourly where device_id = ? and hour_start = ?").params(deviceId, start).update();
        for (Map.Entry<Key, Group> e : groups.entrySet()) {
            Group g = e.getValue();
            jdbc.sql("""
                            insert into probe_rollups_hourly (device_id, hop, target, hour_start, site_id, segment_id, samples, latency_count,
                              latency_mean_ms, latency_p50_ms, latency_p95_ms, latency_min_ms, latency_max_ms, first_byte_mean_ms, attempts,
                              failures, jitter_mean_ms, cpu_mean, cpu_max, memory_mean, memory_max)
                            values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                    .params(deviceId, e.getKey().hop(), e.getKey().target(), start, g.siteId, g.segmentId, g.samples,
                            g.latency.count(), g.latency.mean(), g.latency.percentile(50), g.latency.percentile(95),
                            g.latency.min(), g.latency.max(), g.firstByte.mean(), g.attempts, g.failures, g.jitter.mean(),
                            cpu.mean(), cpu.max(), memory.mean(), memory.max())
                    .update();
        }
        return groups.values().stream().map(g -> g.siteId).findFirst().orElse(null);
    }

    private static Double value(double v, boolean wasNull) {
        return wasNull ? null : v;
    }
}
