package io.breakpoint.agent.protocol;

import java.util.UUID;

/** The ticket the report opened, with the plain summary of the diagnosis shown to the user. */
public record SlownessReceipt(UUID ticketId, String ticketNumber, String breakpoint, String summary) {}
