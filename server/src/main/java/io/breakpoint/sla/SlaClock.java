package io.breakpoint.sla;

/** The two clocks every ticket runs against its promise. */
public enum SlaClock {
    FIRST_RESPONSE("first response"), RESOLUTION("resolution");

    private final String label;

    SlaClock(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
