package io.breakpoint.diagnosis;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the engine concluded for a site or a device over a window: the breakpoint with its confidence (0 to 1),
 * a one-line headline for engineers, a plain summary for the people who reported it, the evidence as numbers
 * against baselines, the devices and sites affected, the recurring windows, and other faults seen at the same
 * time ({@code alsoSeen}, widest first).
 */
public record Diagnosis(UUID siteId, UUID deviceId, Instant from, Instant to, Breakpoint breakpoint, double confidence,
                        String headline, String summary, List<String> evidence, List<UUID> affectedDevices,
                        List<UUID> affectedSites, List<RecurringWindow> recurring, List<Finding> alsoSeen) {

    public Diagnosis {
        evidence = List.copyOf(evidence);
        affectedDevices = List.copyOf(affectedDevices);
        affectedSites = List.copyOf(affectedSites);
        recurring = List.copyOf(recurring);
        alsoSeen = List.copyOf(alsoSeen);
    }

    /** The evidence as the text of an internal note. */
    public String asNote() {
        StringBuilder b = new StringBuilder("Breakpoint diagnosis: ").append(breakpoint).append(" (")
                .append(breakpoint.label()).append("), confidence ").append(Math.round(confidence * 100)).append("%.\n")
                .append(headline).append('\n');
        evidence.forEach(e -> b.append("- ").append(e).append('\n'));
        recurring.forEach(r -> b.append("- Recurring: ").append(r.text()).append('\n'));
        alsoSeen.forEach(f -> b.append("- Also seen: ").append(f.breakpoint()).append(": ").append(f.headline()).append('\n'));
        b.append("Window ").append(from).append(" to ").append(to).append('.');
        return b.toString();
    }
}
