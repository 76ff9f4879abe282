package io.breakpoint.compliance;

import java.time.Instant;
import java.util.UUID;

/** An assessment in the organization's history. */
public record AssessmentSummary(UUID id, UUID organizationId, int number, AssessmentView.Status status,
                                Instant startedAt, Instant completedAt, AssessmentView.Score score) {
}
