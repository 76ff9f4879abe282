package io.breakpoint.telemetry.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Deletes raw samples older than the raw retention (14 days) and rollups older than the rollup retention
 * (13 months), in batches of a few thousand rows per transaction, so a large purge never holds long locks or one
 * huge transaction. One instance at a time (ShedLock).
 */
@Component
public class Retention {

    private static final Logger log = LoggerFactory.getLogger(Retention.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TelemetrySettings settings;
    private final Clock clock;
    private final boolean enabled;

    Retention(JdbcClient jdbc, TransactionTemplate tx, TelemetrySettings settings, Clock clock,
              @Value("${breakpoint.telemetry.retention.enabled:true}") boolean enabled) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.enabled = enabled;
    }

    @Scheduled(fixedDelayString = "${breakpoint.telemetry.retention.every:PT1H}", initialDelayString = "${breakpoint.telemetry.retention.first-after:PT10M}")
    @SchedulerLock(name = "telemetry-retention", lockAtMostFor = "PT2H")
    public void run() {
        if (enabled) purge();
    }

    public record Purged(long samples, long measurements, long rollups) {
    }

    public Purged purge() {
        Instant now = clock.instant();
        Timestamp rawCutoff = Timestamp.from(now.minus(settings.rawRetention));
        Timestamp rollupCutoff = Timestamp.from(now.minus(settings.rollupRetention));
        int batch = Math.max(1, settings.retentionBatch);
        long samples = 0, measurements = 0, rollups = 0;
        while (true) {
            List<UUID> ids = jdbc.sql("select id from telemetry_samples where taken_at < ? order by taken_at fetch first " + batch + " rows only")
                    .param(rawCutoff).query(UUID.class).list();
            if (ids.isEmpty()) break;
            long[] deleted = tx.execute(s -> new long[]{
                    jdbc.sql("delete from probe_measurements where sample_id in (:ids)").param("ids", ids).update(),
                    jdbc.sql("delete from telemetry_samples where id in (:ids)").param("ids", ids).update()});
            measurements += deleted[0];
            samples += deleted[1];
            if (ids.size() < batch) break;
        }
        while (true) {
            List<Timestamp> hours = jdbc.sql("select distinct hour_start from probe_rollups_hourly where hour_start < ? order by hour_start fetch first 24 rows only")
                    .param(rollupCutoff).query(Timestamp.class).list();
            if (hours.isEmpty()) break;
            for (Timestamp hour : hours) {
                Integer n = tx.execute(s -> jdbc.sql("delete from probe_rollups_hourly where hour_start = ?").param(hour).update());
                rollups += n == null ? 0 : n;
            }
        }
        if (samples + rollups > 0) log.info("Telemetry retention deleted {} samples, {} measurements, {} hourly rollups", samples, measurements, rollups);
        return new Purged(samples, measurements, rollups);
    }
}
