package io.breakpoint.compliance;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One assessment with every question of the catalogue, its answer so far, and the remediation plan. */
public record AssessmentView(UUID id, UUID organizationId, String organizationName, int number, Status status,
                             UUID previousId, Instant startedAt, Instant completedAt, Score score, List<Item> items,
                             List<Remediation> remediations, Item providerGuarantee) {

    public enum Status { IN_PROGRESS, COMPLETED }

    /** Likelihood x impact, each 1-5: 15 or more is high, 8 to 14 medium, below that low. */
    public enum RiskLevel { LOW, MEDIUM, HIGH }

    public record Item(String citation, Control.Kind kind, String standard, String title,
                       Control.Requirement requirement, String safeguard, String question, Answer answer,
                       String evidence, String owner, Integer likelihood, Integer impact, Integer risk,
                       RiskLevel riskLevel, List<String> measured) {
    }

    public record Remediation(UUID id, String citation, String action, String owner, LocalDate dueOn, boolean done,
                              boolean overdue) {
    }

    /**
     * {@code percent}: yes counts 1, partly 0.5, no and unanswered 0, over the questions that apply; null while
     * nothing that applies is answered. {@code requiredGaps}: required questions answered no, partly or not yet.
     */
    public record Score(int questions, int answered, int yes, int partial, int no, int notApplicable, Double percent,
                        int requiredGaps, int highRisks) {
    }

    public boolean inProgress() {
        return status == Status.IN_PROGRESS;
    }
}
