package io.breakpoint.agent.protocol;

import java.util.List;

/** The one-click "it's slow" report: the user's words and an immediate burst of measurements. */
public record SlownessReport(String note, String userEmail, List<Sample> burst) {}
