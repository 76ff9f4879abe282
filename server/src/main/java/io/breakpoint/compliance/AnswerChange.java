package io.breakpoint.compliance;

/** What an assessor records for one question; likelihood and impact are 1 (lowest) to 5 (highest). */
public record AnswerChange(Answer answer, String evidence, String owner, Integer likelihood, Integer impact) {
}
