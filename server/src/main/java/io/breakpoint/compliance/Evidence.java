package io.breakpoint.compliance;

import java.util.List;
import java.util.UUID;

/** What the desk itself knows about an organization's security, each finding tied to the citations it informs. */
public record Evidence(UUID organizationId, List<Finding> findings) {

    /** NOT_MEASURED: no source for this fact yet (or nothing measured for this organization). */
    public enum Verdict { GOOD, WATCH, AT_RISK, NOT_MEASURED }

    public record Finding(String key, String title, Verdict verdict, String summary, List<String> citations) {
        public boolean measured() {
            return verdict != Verdict.NOT_MEASURED;
        }
    }

    /** Evidence with nothing in it, where only the answers matter (history, comparisons). */
    public static Evidence none(UUID organizationId) {
        return new Evidence(organizationId, List.of());
    }

    public List<Finding> about(String citation) {
        return findings.stream().filter(f -> f.citations().contains(citation)).toList();
    }
}
