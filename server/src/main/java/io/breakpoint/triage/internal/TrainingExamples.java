package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketEvents.TriageCorrected;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Engineers' corrections kept as training examples, one per ticket (the latest correction wins). The listener is
 * synchronous, in the transaction of the correction: the example is stored with it or not at all, and the
 * ticket's text never passes through the event publication log.
 */
@Component
public class TrainingExamples {

    private final JdbcClient jdbc;

    TrainingExamples(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(TriageCorrected e) {
        jdbc.sql("delete from triage_examples where ticket_id = ?").param(e.ticketId()).update();
        jdbc.sql("""
                        insert into triage_examples (ticket_id, subject, description, category, tier, priority, corrected_by, corrected_at)
                        values (?,?,?,?,?,?,?,?)""")
                .params(e.ticketId(), e.subject(), e.description(), e.category().name(), e.tier(), e.priority().name(),
                        e.correctedBy(), Timestamp.from(e.at()))
                .update();
    }

    /** Every correction as a labelled ticket of the train side (held-out stays the corpus's split). */
    public List<LabelledTicket> all() {
        return jdbc.sql("select subject, description, category, tier, priority from triage_examples order by corrected_at, ticket_id")
                .query((rs, n) -> new LabelledTicket(false, "correction", Category.valueOf(rs.getString(3)), rs.getInt(4),
                        Priority.valueOf(rs.getString(5)), "", rs.getString(1), rs.getString(2)))
                .list();
    }

    /** When the latest correction was made; empty when there is none. */
    public Optional<Instant> latest() {
        List<Timestamp> max = jdbc.sql("select max(corrected_at) from triage_examples").query((rs, n) -> rs.getTimestamp(1)).list();
        return max.isEmpty() || max.get(0) == null ? Optional.empty() : Optional.of(max.get(0).toInstant());
    }
}
