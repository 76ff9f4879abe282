package io.breakpoint.agent.protocol;

import java.util.UUID;

/** The device's identity; the secret is shown this once and stored by the agent with owner-only permissions. */
public record EnrollmentResponse(UUID deviceId, String secret, UUID siteId, String siteName) {}
