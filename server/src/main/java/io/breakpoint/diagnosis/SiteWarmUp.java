package io.breakpoint.diagnosis;

import io.breakpoint.diagnosis.internal.BreakpointEngine;
import io.breakpoint.diagnosis.internal.MeasurementSource;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.telemetry.Devices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * After a start, diagnoses the current window of the sites with the most devices heard from in the last day, busiest
 * first, on a background thread, and throws the answers away: a site's first diagnosis reads its weeks of hourly
 * rollups and runs the engine on a cold JIT (8 s for 200 devices and 30 days), which the engineer who opens its health
 * page should not wait for.
 * {@code breakpoint.diagnosis.warm-up-sites} of them (0: none); the history cache keeps 32 sites.
 */
@Component
class SiteWarmUp {

    private static final Logger log = LoggerFactory.getLogger(SiteWarmUp.class);

    private final MeasurementSource source;
    private final Directory directory;
    private final DiagnosisThresholds thresholds;
    private final Devices devices;
    private final Clock clock;
    private final int sites;
    private final BreakpointEngine engine;

    SiteWarmUp(MeasurementSource source, Directory directory, DiagnosisThresholds thresholds, Devices devices, Clock clock,
               @Value("${breakpoint.diagnosis.warm-up-sites:8}") int sites) {
        this.source = source;
        this.directory = directory;
        this.thresholds = thresholds;
        this.devices = devices;
        this.clock = clock;
        this.sites = sites;
        this.engine = new BreakpointEngine(thresholds);
    }

    @EventListener(ApplicationReadyEvent.class)
    void started() {
        if (sites <= 0) return;
        Thread t = new Thread(() -> warm(sites), "diagnosis-warm-up");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** Diagnoses up to {@code limit} of the busiest sites; returns those it diagnosed, in order. */
    List<UUID> warm(int limit) {
        long started = System.nanoTime();
        List<UUID> warmed = new ArrayList<>();
        try {
            for (UUID siteId : devices.busiestSites(clock.instant().minus(Duration.ofDays(1)), limit)) {
                try {
                    Optional<SiteSummary> site = directory.site(siteId);
                    if (site.isEmpty()) continue;
                    Instant now = clock.instant();
                    Instant from = now.minus(thresholds.currentWindow());
                    // The diagnosis itself too, once: on a cold JIT the engine took seconds over 200 devices.
                    engine.diagnoseSite(Diagnoses.measure(source, directory, thresholds, site.get(), from, now), from, now, now);
                    warmed.add(siteId);
                } catch (RuntimeException e) { // what cannot be read now is read when a diagnosis asks
                    log.info("Diagnosis warm-up skipped site {}: {}", siteId, e.toString());
                }
            }
        } catch (RuntimeException e) { // the server is stopping, or the database is not there yet
            log.info("Diagnosis warm-up stopped: {}", e.toString());
        }
        if (!warmed.isEmpty()) {
            log.info("Diagnosis ready for the {} busiest sites in {} ms", warmed.size(), (System.nanoTime() - started) / 1_000_000);
        }
        return warmed;
    }
}
