package io.breakpoint.compliance;

import java.util.List;
import java.util.UUID;

/** What changed since the assessment this one started from: every question whose answer or risk moved. */
public record Comparison(UUID assessmentId, int number, UUID previousId, Integer previousNumber, Double percent,
                         Double previousPercent, List<Change> changes) {

    public record Change(String citation, String title, Answer before, Answer after, Integer riskBefore,
                         Integer riskAfter) {
    }
}
