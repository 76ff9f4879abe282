package io.breakpoint.identity;

import java.util.UUID;

public record OrganizationSummary(UUID id, String name, String kind, boolean coManaged) {
}
