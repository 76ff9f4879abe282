package io.breakpoint.audit;

import java.time.Instant;

/**
 * The result of verifying the whole audit chain: how many records were checked, the head (last seq and hash, worth
 * writing down outside the desk as an anchor) and the first broken or missing link, if any.
 */
public record ChainReport(Instant checkedAt, long records, long lastSeq, String lastHash, Break firstBreak) {

    public boolean intact() {
        return firstBreak == null;
    }

    /** Where the chain first fails: the record's place and id (null when the records themselves are gone), its time, what is wrong. */
    public record Break(long seq, Long recordId, Instant at, String problem) {
    }
}
