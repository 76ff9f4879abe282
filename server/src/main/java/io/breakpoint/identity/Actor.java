package io.breakpoint.identity;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in person as the other modules see them: who, which role, and which client organizations
 * they may see. This is the one place that answers "may this caller see that organization?".
 */
public record Actor(UUID userId, String email, String displayName, Role role, UUID organizationId,
                    Set<UUID> visibleOrganizations) {

    public Actor {
        visibleOrganizations = Set.copyOf(visibleOrganizations);
    }

    public boolean canSee(UUID organizationId) {
        return organizationId != null && visibleOrganizations.contains(organizationId);
    }

    public boolean is(Role r) {
        return role == r;
    }

    public String firstName() {
        int space = displayName.indexOf(' ');
        return space > 0 ? displayName.substring(0, space) : displayName;
    }
}
