package io.breakpoint.telemetry;

import java.time.Instant;
import java.util.List;

/**
 * What the agents of a site measure and how often; served to them as {@code SiteConfig}.
 * {@code guestAddresses} null means "the probe addresses of the site's GUEST segments".
 */
public record ProbeSettings(long version, int sampleEverySeconds, int throughputEverySeconds, int configRefreshSeconds,
                            String edgeHost, String referenceHost, List<String> emrEndpoints,
                            List<String> emrTransaction, List<String> guestAddresses, String throughputUrl,
                            Instant updatedAt) {

    public static final int SAMPLE_EVERY = 60;
    public static final int THROUGHPUT_EVERY = 900;
    public static final int CONFIG_REFRESH = 300;
    /** A well-known anycast host beyond any clinic's WAN, to tell the WAN from the cloud. */
    public static final String REFERENCE_HOST = "1.1.1.1:443";

    public static ProbeSettings defaults() {
        return new ProbeSettings(0, SAMPLE_EVERY, THROUGHPUT_EVERY, CONFIG_REFRESH, null, REFERENCE_HOST, List.of(),
                List.of(), null, null, null);
    }
}
