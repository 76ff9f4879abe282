package io.breakpoint.compliance;

import java.util.List;
import java.util.UUID;

/**
 * The NIST CSF 2.0 view of an assessment: each function and category scored from the answers to the HIPAA
 * citations mapped to it (compliance/nist-csf-2.0.tsv). A percent is null while none of them is answered.
 */
public record CsfView(UUID assessmentId, List<Function> functions) {

    public record Function(String name, Double percent, List<Category> categories) {
    }

    public record Category(String id, String name, List<String> citations, int answered, Double percent) {
    }
}
