package io.breakpoint.agent.protocol;

import java.util.List;

/**
 * What the agent measures and how often, from the server's configuration of the device's site.
 * The agent refreshes it every {@code configRefreshSeconds}; {@code version} changes whenever it changes.
 *
 * @param edgeHost       the site's edge router or hub host (host or host:port), probed after the gateway
 * @param referenceHost  a well-known host beyond the WAN (host:port), to tell WAN from cloud
 * @param emrEndpoints   the EMR URLs the site uses (https://...), each probed for DNS, connect, TLS, first byte, total
 * @param emrTransaction a short sequence of HTTP GETs timed end to end (the server runs it from outside too)
 * @param guestAddresses addresses on the guest segment that a clinical device must NOT reach (host:port)
 */
public record SiteConfig(
        long version,
        int sampleEverySeconds,
        int throughputEverySeconds,
        int configRefreshSeconds,
        int maxBatchSamples,
        String edgeHost,
        String referenceHost,
        List<String> emrEndpoints,
        List<String> emrTransaction,
        List<String> guestAddresses,
        String throughputUrl) {}
