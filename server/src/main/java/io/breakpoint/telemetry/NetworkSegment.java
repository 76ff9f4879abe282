package io.breakpoint.telemetry;

import java.util.List;
import java.util.UUID;

/**
 * A network segment of a site. A device whose address falls in one of {@code cidrs} is on this segment (the most
 * specific range wins). {@code probeAddresses} (host:port) are what clinical devices must not reach when this is
 * a GUEST segment.
 */
public record NetworkSegment(UUID id, UUID siteId, String name, SegmentPurpose purpose, List<String> cidrs,
                             List<String> probeAddresses) {
}
