package io.breakpoint.incidents;

public enum IncidentStatus {
    OPEN, RESOLVED
}
