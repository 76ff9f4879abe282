package io.breakpoint.audit.internal;

import io.breakpoint.audit.ChainReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Walks the chain in seq order, up to the head as it stood when the check began (the sealer may add more meanwhile),
 * and names the first record whose hash or link does not hold, or that is missing.
 */
@Component
public class ChainVerifier {

    private static final int PAGE = 2000;

    private final JdbcClient jdbc;
    private final Clock clock;

    ChainVerifier(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private record Row(long id, String storedPrevious, String storedHash, ChainLink link) {
    }

    @Transactional(readOnly = true)
    public ChainReport verify() {
        var checkedAt = clock.instant();
        long headSeq = jdbc.sql("select last_seq from audit_chain_head where id = 1").query(Long.class).single();
        String headHash = jdbc.sql("select last_hash from audit_chain_head where id = 1").query(String.class).single();
        long expected = 1;
        String previous = ChainLink.GENESIS;
        long checked = 0;
        while (true) {
            List<Row> rows = jdbc.sql("""
                            select id, seq, at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address,
                                   detail, prev_hash, hash
                            from audit_events where seq >= ? and seq <= ? order by seq""" + " limit " + PAGE)
                    .params(expected, headSeq)
                    .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("prev_hash"), rs.getString("hash"),
                            new ChainLink(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                                    rs.getObject("actor_id", UUID.class), rs.getString("actor_email"),
                                    rs.getObject("organization_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                                    rs.getString("action"), rs.getString("channel"), rs.getString("remote_address"),
                                    rs.getString("detail"), rs.getString("prev_hash")))).list();
            for (Row r : rows) {
                ChainLink l = r.link();
                if (l.seq() != expected) {
                    String missing = l.seq() - expected == 1 ? "Record #" + expected + " is missing"
                            : "Records #" + expected + " to #" + (l.seq() - 1) + " are missing";
                    return broken(checkedAt, checked, headSeq, headHash, new ChainReport.Break(expected, null, l.at(),
                            missing + " (deleted from the database): the chain jumps from #" + (expected - 1) + " to #"
                                    + l.seq() + " (record id " + r.id() + ")."));
                }
                if (!l.hash().equals(r.storedHash())) {
                    return broken(checkedAt, checked, headSeq, headHash, new ChainReport.Break(l.seq(), r.id(), l.at(),
                            "Record #" + l.seq() + " was altered: its fields no longer match its hash."));
                }
                if (!previous.equals(r.storedPrevious())) {
                    return broken(checkedAt, checked, headSeq, headHash, new ChainReport.Break(l.seq(), r.id(), l.at(),
                            "Record #" + l.seq() + " does not link to record #" + (l.seq() - 1)
                                    + ": one of the two was rewritten or replaced after it was written."));
                }
                previous = r.storedHash();
                expected++;
                checked++;
            }
            if (rows.size() < PAGE) break;
        }
        long last = expected - 1;
        if (last < headSeq) {
            String missing = headSeq - last == 1 ? "Record #" + headSeq + " is missing"
                    : "Records #" + (last + 1) + " to #" + headSeq + " are missing";
            return broken(checkedAt, checked, headSeq, headHash, new ChainReport.Break(last + 1, null, null,
                    missing + " at the end of the chain (deleted from the database): the chain head says #" + headSeq + " is the last."));
        }
        if (!previous.equals(headHash)) {
            return broken(checkedAt, checked, headSeq, headHash, new ChainReport.Break(last, null, null,
                    "The chain head (#" + headSeq + ") does not match the last record (#" + last + "): records were added outside the desk."));
        }
        return new ChainReport(checkedAt, checked, headSeq, headHash, null);
    }

    private static ChainReport broken(java.time.Instant checkedAt, long checked, long headSeq, String headHash, ChainReport.Break b) {
        return new ChainReport(checkedAt, checked, headSeq, headHash, b);
    }
}
