package io.breakpoint.phi;

/** What the desk does with ticket text that holds PHI, chosen per organization. */
public enum PhiPolicy {
    /** Sent as written; the requester is warned first and the ticket carries a PHI flag for engineers. */
    WARN("Warn, then send as written"),
    /** The PHI is replaced by markers ("[date of birth removed]") before anything is stored. */
    REDACT("Remove PHI automatically"),
    /** Refused until the writer removes the PHI. */
    BLOCK("Refuse text with PHI");

    private final String label;

    PhiPolicy(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
