package io.breakpoint.identity;

import java.util.UUID;

/** A person as other modules show them: enough to print a name and decide who can work a ticket. */
public record PersonSummary(UUID id, String email, String displayName, Role role, Integer tier,
                            UUID organizationId, UUID siteId, boolean enabled) {

    public String firstName() {
        int space = displayName.indexOf(' ');
        return space > 0 ? displayName.substring(0, space) : displayName;
    }
}
