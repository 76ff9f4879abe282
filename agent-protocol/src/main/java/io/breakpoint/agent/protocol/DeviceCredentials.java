package io.breakpoint.agent.protocol;

import java.util.UUID;

/** How the agent proves who it is: {@code Authorization: Device <deviceId>:<secret>}. */
public record DeviceCredentials(UUID deviceId, String secret) {

    public static final String SCHEME = "Device";

    public String authorizationHeader() {
        return SCHEME + " " + deviceId + ":" + secret;
    }

    /** Parses an Authorization header value; null when it is not a well-formed device credential. */
    public static DeviceCredentials parse(String header) {
        if (header == null || !header.startsWith(SCHEME + " ")) return null;
        String value = header.substring(SCHEME.length() + 1).trim();
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) return null;
        try {
            return new DeviceCredentials(UUID.fromString(value.substring(0, colon)), value.substring(colon + 1));
        } catch (IllegalArgumentException notAUuid) {
            return null;
        }
    }
}
