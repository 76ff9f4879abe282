package io.breakpoint.agent.protocol;

import java.util.List;
import java.util.UUID;

/** Samples sent together, oldest first. The server de-duplicates by {@link Sample#id()}. */
public record TelemetryBatch(UUID deviceId, String agentVersion, List<Sample> samples) {}
