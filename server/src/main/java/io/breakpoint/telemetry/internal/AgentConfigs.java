package io.breakpoint.telemetry.internal;

import io.breakpoint.agent.protocol.SiteConfig;
import io.breakpoint.telemetry.ProbeSettings;
import io.breakpoint.telemetry.SegmentPurpose;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** The SiteConfig an agent of a site is served: the site's probe settings, with the defaults filled in. */
@Component
public class AgentConfigs {

    /** What the agent downloads to sample throughput when the site names nothing else: 1 MB from this server. */
    public static final String THROUGHPUT_PATH = "/api/v1/agent/throughput?bytes=1000000";

    private final SiteNetworks networks;
    private final TelemetrySettings settings;

    AgentConfigs(SiteNetworks networks, TelemetrySettings settings) {
        this.networks = networks;
        this.settings = settings;
    }

    public SiteConfig configOf(UUID siteId, String serverBaseUrl) {
        ProbeSettings p = networks.probeSettings(siteId);
        List<String> guests = p.guestAddresses() != null ? p.guestAddresses()
                : networks.segments(siteId).stream().filter(s -> s.purpose() == SegmentPurpose.GUEST)
                .flatMap(s -> s.probeAddresses().stream()).toList();
        String throughput = p.throughputUrl() != null ? p.throughputUrl() : serverBaseUrl + THROUGHPUT_PATH;
        return new SiteConfig(p.version(), p.sampleEverySeconds(), p.throughputEverySeconds(), p.configRefreshSeconds(),
                settings.maxBatchSamples(), p.edgeHost(), p.referenceHost(), p.emrEndpoints(), p.emrTransaction(), guests, throughput);
    }

}
