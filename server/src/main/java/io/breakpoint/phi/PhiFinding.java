package io.breakpoint.phi;

/** One piece of PHI in a text: its kind and where it is ({@code start} inclusive, {@code end} exclusive). */
public record PhiFinding(PhiKind kind, int start, int end) {
}
