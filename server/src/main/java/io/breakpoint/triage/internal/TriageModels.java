package io.breakpoint.triage.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every retraining with its figures (table triage_models). The row in use carries the serialized model; putting a
 * new one in use and taking the old one out is one transaction, so instances never see two or none.
 */
@Component
public class TriageModels {

    private final JdbcClient jdbc;

    TriageModels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One retraining as the log keeps it. */
    public record Run(long id, Instant trainedAt, String trigger, int corpusExamples, int correctionExamples,
                      double categoryAccuracy, double tierAccuracy, double p1Recall,
                      double wasCategoryAccuracy, double wasTierAccuracy, double wasP1Recall, boolean inUse, String outcome) {
    }

    record InUse(long id, byte[] model) {
    }

    /** Records a run; when {@code model} is given it becomes the model in use. Call in a transaction. */
    long record(Instant at, String trigger, int corpus, int corrections, HeldOutScore candidate, HeldOutScore was,
                String outcome, byte[] model) {
        if (model != null) jdbc.sql("update triage_models set in_use = false, model = null where in_use = true").update();
        jdbc.sql("""
                        insert into triage_models (trained_at, trigger, corpus_examples, correction_examples,
                            category_accuracy, tier_accuracy, p1_recall, was_category_accuracy, was_tier_accuracy, was_p1_recall,
                            in_use, outcome, model)
                        values (?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(Timestamp.from(at), trigger, corpus, corrections, candidate.categoryAccuracy(), candidate.tierAccuracy(),
                        candidate.p1Recall(), was.categoryAccuracy(), was.tierAccuracy(), was.p1Recall(), model != null,
                        outcome.length() > 500 ? outcome.substring(0, 500) : outcome, model)
                .update();
        return jdbc.sql("select max(id) from triage_models").query(Long.class).single();
    }

    /** The id of the model in use; 0 when the shipped corpus's model is (no retraining was ever put in use). */
    long inUseId() {
        List<Long> ids = jdbc.sql("select id from triage_models where in_use = true").query(Long.class).list();
        return ids.isEmpty() ? 0 : ids.get(0);
    }

    Optional<InUse> inUse() {
        return jdbc.sql("select id, model from triage_models where in_use = true")
                .query((rs, n) -> new InUse(rs.getLong(1), rs.getBytes(2))).optional();
    }

    /** The latest runs, newest first. */
    public List<Run> latest(int limit) {
        return jdbc.sql("""
                        select id, trained_at, trigger, corpus_examples, correction_examples, category_accuracy, tier_accuracy,
                               p1_recall, was_category_accuracy, was_tier_accuracy, was_p1_recall, in_use, outcome
                        from triage_models order by id desc limit ?""")
                .param(limit)
                .query((rs, n) -> new Run(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getInt(4), rs.getInt(5),
                        rs.getDouble(6), rs.getDouble(7), rs.getDouble(8), rs.getDouble(9), rs.getDouble(10), rs.getDouble(11),
                        rs.getBoolean(12), rs.getString(13)))
                .list();
    }
}
