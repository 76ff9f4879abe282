package io.breakpoint.telemetry;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.telemetry.internal.Enrollment;
import io.breakpoint.telemetry.internal.Ingestion;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/**
 * Devices and measurements put in by the desk itself, not by agents over HTTP: the demo's workstations and their
 * weeks of history. Samples go through the same checks as the agents' (except the raw retention and the clock
 * correction: history is taken at its own times), so a seeded baseline is as clean as a real one. The rollup job
 * summarizes them within its period (5 minutes); raw rows older than the retention go at the retention job's next run.
 */
@Service
public class TelemetryImport {

    private final Enrollment enrollment;
    private final Ingestion ingestion;
    private final Devices devices;

    TelemetryImport(Enrollment enrollment, Ingestion ingestion, Devices devices) {
        this.enrollment = enrollment;
        this.ingestion = ingestion;
        this.devices = devices;
    }

    /** A device at the site, as if it had enrolled now. */
    public UUID register(UUID siteId, String hostname, String agentVersion, DeviceFacts facts) {
        return enrollment.register(siteId, hostname, agentVersion, facts);
    }

    /** Stores samples of the device, oldest first, at most a few thousand at a time. */
    public BatchReceipt record(UUID deviceId, List<Sample> samples) {
        DeviceView d = devices.find(deviceId).orElseThrow(() -> new NotFoundException("Device " + deviceId));
        return ingestion.ingest(new AuthenticatedDevice(d.id(), d.siteId(), d.organizationId()),
                new TelemetryBatch(deviceId, d.agentVersion(), samples), true);
    }
}
