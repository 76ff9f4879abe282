package io.breakpoint.telemetry;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;
import java.util.UUID;

/**
 * The workstation agent that signed the current request with {@code Authorization: Device id:secret}. The agent
 * routes ({@code /api/v1/agent/**}, {@code /api/v1/telemetry}, {@code POST /api/v1/devices/{id}/slowness-reports})
 * accept only this; other modules' controllers on those routes read it with {@link #current()}.
 */
public record AuthenticatedDevice(UUID deviceId, UUID siteId, UUID organizationId) {

    public static Optional<AuthenticatedDevice> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof AuthenticatedDevice d) return Optional.of(d);
        return Optional.empty();
    }
}
