package io.breakpoint.compliance;

/**
 * One standard or implementation specification of the HIPAA Security Rule (45 CFR 164.308, 164.310, 164.312), as
 * shipped in {@code compliance/hipaa-security-rule.tsv}: its citation, whether it is the standard itself or one of
 * its implementation specifications, the standard it belongs to, and the plain question the assessment asks.
 */
public record Control(String citation, Kind kind, String standard, String title, Requirement requirement,
                      String question) {

    public enum Kind { STANDARD, SPECIFICATION }

    /** As the rule marks it: required, or addressable (done when reasonable and appropriate, or documented why not). */
    public enum Requirement { REQUIRED, ADDRESSABLE }

    /** 164.308 administrative, 164.310 physical, 164.312 technical safeguards. */
    public String safeguard() {
        if (citation.startsWith("164.308")) return "Administrative safeguards (164.308)";
        if (citation.startsWith("164.310")) return "Physical safeguards (164.310)";
        return "Technical safeguards (164.312)";
    }
}
