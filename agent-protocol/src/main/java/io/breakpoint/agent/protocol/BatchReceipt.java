package io.breakpoint.agent.protocol;

import java.util.List;
import java.util.UUID;

/**
 * What the server did with a batch. Duplicates count as delivered: the agent drops them from its queue.
 * Rejected samples are dropped too (resending would not help); each carries a reason.
 */
public record BatchReceipt(int accepted, int duplicates, List<Rejected> rejected) {

    public record Rejected(UUID sampleId, String reason) {}
}
