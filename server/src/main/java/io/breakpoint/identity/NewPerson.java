package io.breakpoint.identity;

import java.util.Set;
import java.util.UUID;

/** What an admin enters to create a person. {@code servedOrganizations} only applies to MSP engineers and vCIOs. */
public record NewPerson(String email, String displayName, Role role, UUID organizationId, UUID siteId,
                        Set<UUID> servedOrganizations, String password) {
}
