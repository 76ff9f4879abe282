package io.breakpoint.identity;

import java.time.ZoneId;
import java.util.UUID;

public record SiteSummary(UUID id, UUID organizationId, String name, ZoneId timeZone) {
}
