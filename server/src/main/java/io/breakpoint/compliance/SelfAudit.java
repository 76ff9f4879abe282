package io.breakpoint.compliance;

import java.util.List;
import java.util.UUID;

/**
 * The brief's four-question self-audit for practice managers, answered with the organization's own measured data
 * where the desk has it. Each measured check scores 2 (good), 1 (watch) or 0 (at risk); {@code result} says what the
 * total means in plain words.
 */
public record SelfAudit(UUID organizationId, List<Check> checks, int score, int maxScore, String result) {

    public record Check(String question, String whyItMatters, Evidence.Verdict verdict, String answer) {
        public Integer points() {
            return switch (verdict) {
                case GOOD -> 2;
                case WATCH -> 1;
                case AT_RISK -> 0;
                case NOT_MEASURED -> null;
            };
        }
    }
}
