package io.breakpoint.telemetry.internal;

import io.breakpoint.agent.protocol.DeviceFacts;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The agent protocol's JSON: tolerant of fields it does not know (a newer agent may send more), unlike the rest of
 * the API, which refuses unknown fields.
 */
public final class FactsJson {

    public static final JsonMapper AGENT_JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private FactsJson() {
    }

    public static DeviceFacts read(String json) {
        if (json == null || json.isBlank()) return null;
        try {
            return AGENT_JSON.readValue(json, DeviceFacts.class);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public static String write(DeviceFacts facts) {
        return facts == null ? null : AGENT_JSON.writeValueAsString(facts);
    }
}
