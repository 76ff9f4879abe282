package io.breakpoint.agent;

import io.breakpoint.agent.device.DeviceReader;
import io.breakpoint.agent.probe.DefaultGateway;
import io.breakpoint.agent.probe.Probes;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SegmentationCheck;
import io.breakpoint.agent.protocol.SiteConfig;
import io.breakpoint.agent.protocol.Throughput;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** One round of measurements: the device, then each hop outward from it. */
final class Sampler {

    /** The device's own readings; a seam so tests need not read the machine they run on. */
    interface Device {
        DeviceFacts facts();

        DeviceState state();

        String localAddress();
    }

    /** The real device, through OSHI. */
    static Device oshi() {
        DeviceReader reader = new DeviceReader();
        return new Device() {
            public DeviceFacts facts() { return reader.facts(); }
            public DeviceState state() { return reader.state(); }
            public String localAddress() { return reader.localAddress(); }
        };
    }

    private final Device device;
    private final Probes probes;
    private final Clock clock;
    private final String gateway;

    /** @param gateway the gateway to probe ({@code host} or {@code host:port}); null to use the default route's */
    Sampler(Device device, Probes probes, Clock clock, String gateway) {
        this.device = device;
        this.probes = probes;
        this.clock = clock;
        this.gateway = gateway;
    }

    DeviceFacts facts() {
        return device.facts();
    }

    /**
     * Probes the EMR once without keeping the result: the first TLS handshake and HTTP exchange of a fresh JVM
     * load and compile their code (over a second under load, measured), which would read as a slow EMR.
     */
    void warmUp(SiteConfig config) {
        for (String url : config.emrEndpoints()) probes.endpoint("EMR", url);
        if (!config.emrTransaction().isEmpty()) probes.transaction("EMR_TRANSACTION", config.emrTransaction());
    }

    Sample round(SiteConfig config, DeviceFacts facts, Throughput throughput, boolean segmentation, boolean burst) {
        Instant takenAt = Instant.now(clock);
        DeviceState state = device.state();
        List<ProbeResult> results = new ArrayList<>();
        String gatewayTarget = gateway;
        if (gatewayTarget == null) {
            DefaultGateway.Route route = DefaultGateway.find();
            if (route != null) gatewayTarget = route.address();
        }
        if (gatewayTarget != null) results.add(probes.host("GATEWAY", gatewayTarget));
        if (config.edgeHost() != null) results.add(probes.host("EDGE", config.edgeHost()));
        if (config.referenceHost() != null) results.add(probes.host("REFERENCE", config.referenceHost()));
        for (String url : config.emrEndpoints()) results.add(probes.endpoint("EMR", url));
        if (!config.emrTransaction().isEmpty()) results.add(probes.transaction("EMR_TRANSACTION", config.emrTransaction()));
        SegmentationCheck check = segmentation && !config.guestAddresses().isEmpty()
                ? probes.segmentation(config.guestAddresses()) : null;
        return new Sample(UUID.randomUUID(), takenAt, null, device.localAddress(), facts, state, results, throughput,
                check, burst);
    }
}
