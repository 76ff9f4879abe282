package io.breakpoint.identity;

/** The roles of PRODUCT.md. MSP roles belong to the MSP organization; the others to a client organization. */
public enum Role {
    REQUESTER("Clinic staff"), ORG_ADMIN("Practice manager"), INTERNAL_IT("Clinic IT"), TIER1("Tier 1"),
    TIER2("Tier 2"), TIER3("Tier 3"), VCIO("vCIO"), MSP_ADMIN("MSP admin");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean isMspRole() {
        return this == TIER1 || this == TIER2 || this == TIER3 || this == VCIO || this == MSP_ADMIN;
    }

    /** Works tickets: sees internal notes, assigns, escalates, resolves. */
    public boolean isDeskStaff() {
        return this == INTERNAL_IT || this == TIER1 || this == TIER2 || this == TIER3 || this == MSP_ADMIN;
    }

    /** Reads internal notes (desk staff and the vCIO), never requesters or practice managers. */
    public boolean seesInternalNotes() {
        return isDeskStaff() || this == VCIO;
    }

    /** The MSP tier an engineer role works in, or null. */
    public Integer tier() {
        return switch (this) {
            case TIER1 -> 1;
            case TIER2 -> 2;
            case TIER3 -> 3;
            default -> null;
        };
    }
}
