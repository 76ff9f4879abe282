package io.breakpoint.compliance.internal;

import io.breakpoint.compliance.Answer;
import io.breakpoint.compliance.AssessmentView.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

/** The compliance tables; nothing else reads or writes them. */
@Repository
public class AssessmentStore {

    private final JdbcClient jdbc;

    AssessmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record AssessmentRow(UUID id, UUID organizationId, int number, Status status, UUID previousId,
                                Instant startedAt, Instant completedAt) {
    }

    public record AnswerRow(String citation, Answer answer, String evidence, String owner, Integer likelihood,
                            Integer impact) {
    }

    public record RemediationRow(UUID id, String citation, String action, String owner, LocalDate dueOn, boolean done) {
    }

    private static final String ASSESSMENT = """
            select id, organization_id, number, status, previous_id, started_at, completed_at from compliance_assessments""";

    public Optional<AssessmentRow> assessment(UUID id) {
        return jdbc.sql(ASSESSMENT + " where id = ?").param(id).query(AssessmentStore::assessment).optional();
    }

    /** Newest first. */
    public List<AssessmentRow> assessmentsOf(UUID organizationId) {
        return jdbc.sql(ASSESSMENT + " where organization_id = ? order by number desc").param(organizationId)
                .query(AssessmentStore::assessment).list();
    }

    public void insert(AssessmentRow a, UUID by) {
        jdbc.sql("""
                        insert into compliance_assessments (id, organization_id, number, status, previous_id, started_at, started_by)
                        values (?,?,?,?,?,?,?)""")
                .params(a.id(), a.organizationId(), a.number(), a.status().name(), a.previousId(),
                        Timestamp.from(a.startedAt()), by)
                .update();
    }

    /** Marks an assessment completed; false when it was not in progress any more. */
    public boolean complete(UUID id, Instant at, UUID by) {
        return jdbc.sql("update compliance_assessments set status = ?, completed_at = ?, completed_by = ? where id = ? and status = ?")
                .params(Status.COMPLETED.name(), Timestamp.from(at), by, id, Status.IN_PROGRESS.name())
                .update() == 1;
    }

    public Map<String, AnswerRow> answers(UUID assessmentId) {
        Map<String, AnswerRow> answers = new LinkedHashMap<>();
        jdbc.sql("select citation, answer, evidence, owner, likelihood, impact from compliance_answers where assessment_id = ?")
                .param(assessmentId)
                .query((rs, n) -> new AnswerRow(rs.getString(1), rs.getString(2) == null ? null : Answer.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), (Integer) rs.getObject(5, Integer.class), (Integer) rs.getObject(6, Integer.class)))
                .list().forEach(a -> answers.put(a.citation(), a));
        return answers;
    }

    public void saveAnswer(UUID assessmentId, AnswerRow a, Instant at, UUID by) {
        int updated = jdbc.sql("""
                        update compliance_answers set answer = ?, evidence = ?, owner = ?, likelihood = ?, impact = ?, updated_at = ?, updated_by = ?
                        where assessment_id = ? and citation = ?""")
                .params(a.answer() == null ? null : a.answer().name(), a.evidence(), a.owner(), a.likelihood(), a.impact(),
                        Timestamp.from(at), by, assessmentId, a.citation())
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into compliance_answers (assessment_id, citation, answer, evidence, owner, likelihood, impact, updated_at, updated_by)
                            values (?,?,?,?,?,?,?,?,?)""")
                    .params(assessmentId, a.citation(), a.answer() == null ? null : a.answer().name(), a.evidence(), a.owner(),
                            a.likelihood(), a.impact(), Timestamp.from(at), by)
                    .update();
        }
    }

    public List<RemediationRow> remediations(UUID assessmentId) {
        return jdbc.sql("select id, citation, action, owner, due_on, done from compliance_remediations where assessment_id = ? order by due_on, created_at")
                .param(assessmentId)
                .query((rs, n) -> new RemediationRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getDate(5).toLocalDate(), rs.getBoolean(6)))
                .list();
    }

    public void insertRemediation(UUID assessmentId, RemediationRow r, Instant at) {
        jdbc.sql("insert into compliance_remediations (id, assessment_id, citation, action, owner, due_on, done, created_at) values (?,?,?,?,?,?,?,?)")
                .params(r.id(), assessmentId, r.citation(), r.action(), r.owner(), Date.valueOf(r.dueOn()), r.done(), Timestamp.from(at))
                .update();
    }

    private static AssessmentRow assessment(ResultSet rs, int n) throws SQLException {
        Timestamp completed = rs.getTimestamp("completed_at");
        return new AssessmentRow(rs.getObject("id", UUID.class), rs.getObject("organization_id", UUID.class),
                rs.getInt("number"), Status.valueOf(rs.getString("status")), rs.getObject("previous_id", UUID.class),
                rs.getTimestamp("started_at").toInstant(), completed == null ? null : completed.toInstant());
    }
}
