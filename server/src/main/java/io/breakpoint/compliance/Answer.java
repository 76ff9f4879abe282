package io.breakpoint.compliance;

/** An answer to one question of an assessment; NOT_APPLICABLE leaves the question out of the score. */
public enum Answer {
    YES(1.0), PARTIAL(0.5), NO(0.0), NOT_APPLICABLE(null);

    private final Double score;

    Answer(Double score) {
        this.score = score;
    }

    /** 1 for yes, 0.5 for partial, 0 for no, null when the question does not apply. */
    public Double score() {
        return score;
    }

    public String label() {
        return switch (this) {
            case YES -> "Yes";
            case PARTIAL -> "Partly";
            case NO -> "No";
            case NOT_APPLICABLE -> "Not applicable";
        };
    }
}
