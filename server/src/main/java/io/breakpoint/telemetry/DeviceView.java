package io.breakpoint.telemetry;

import io.breakpoint.agent.protocol.DeviceFacts;

import java.time.Instant;
import java.util.UUID;

/**
 * A workstation in the registry. {@code facts} are the latest the agent sent (null before the first); the
 * segment follows from {@code localAddress} and the site's segments. {@code clockSkewMs} is how far the agent's
 * clock was ahead of the server's (negative: behind) at its last batch.
 */
public record DeviceView(UUID id, UUID siteId, UUID organizationId, String hostname, String agentVersion,
                         String localAddress, UUID segmentId, String segmentName, SegmentPurpose segmentPurpose,
                         Instant firstSeenAt, Instant lastSeenAt, boolean retired, Long clockSkewMs,
                         DeviceFacts facts) {

    /** OS name, version and disk encryption, for compliance (null where the agent could not tell). */
    public String osName() {
        return facts == null ? null : facts.osName();
    }

    public String osVersion() {
        return facts == null ? null : facts.osVersion();
    }

    public Boolean diskEncrypted() {
        return facts == null ? null : facts.diskEncrypted();
    }
}
