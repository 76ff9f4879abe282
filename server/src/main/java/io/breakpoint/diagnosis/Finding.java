package io.breakpoint.diagnosis;

import java.util.List;
import java.util.UUID;

/**
 * One fault the engine found: its breakpoint, how sure it is, a headline for engineers, a plain summary for the
 * people who feel it, the numbers, and whom it affects.
 */
public record Finding(Breakpoint breakpoint, double confidence, String headline, String summary, List<String> evidence,
                      List<UUID> devices, List<UUID> sites) {

    public Finding {
        evidence = List.copyOf(evidence);
        devices = List.copyOf(devices);
        sites = List.copyOf(sites);
    }
}
