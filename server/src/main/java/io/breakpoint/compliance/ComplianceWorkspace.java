package io.breakpoint.compliance;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.ConflictException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.compliance.AssessmentView.Item;
import io.breakpoint.compliance.AssessmentView.Remediation;
import io.breakpoint.compliance.AssessmentView.Status;
import io.breakpoint.compliance.internal.AssessmentStore;
import io.breakpoint.compliance.internal.AssessmentStore.AnswerRow;
import io.breakpoint.compliance.internal.AssessmentStore.AssessmentRow;
import io.breakpoint.compliance.internal.AssessmentStore.RemediationRow;
import io.breakpoint.compliance.internal.Catalogue;
import io.breakpoint.compliance.internal.Scoring;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.*;

/**
 * The compliance workspace of the organizations the caller may see: practice managers for their own, the vCIO for
 * the organizations they serve, MSP admins for all. Another organization's assessment answers as one that does not
 * exist. Every change is audited in its own transaction.
 */
@Service
@PreAuthorize("hasAnyRole('ORG_ADMIN','VCIO','MSP_ADMIN')")
public class ComplianceWorkspace {

    static final int EVIDENCE_MAX = 4000;
    static final int OWNER_MAX = 200;
    static final int ACTION_MAX = 1000;

    private final AssessmentStore store;
    private final Catalogue catalogue;
    private final Directory directory;
    private final AuditTrail audit;
    private final DeskEvidence desk;
    private final Clock clock;

    ComplianceWorkspace(AssessmentStore store, Catalogue catalogue, Directory directory, AuditTrail audit,
                        DeskEvidence desk, Clock clock) {
        this.store = store;
        this.catalogue = catalogue;
        this.directory = directory;
        this.audit = audit;
        this.desk = desk;
        this.clock = clock;
    }

    /** Every question of the catalogue, in its order (164.308, 164.310, 164.312). */
    public List<Control> controls() {
        return catalogue.controls();
    }

    @Transactional(readOnly = true)
    public List<AssessmentSummary> assessments(UUID organizationId) {
        directory.organization(Actors.current(), organizationId);
        return store.assessmentsOf(organizationId).stream().map(a -> {
            AssessmentView v = view(a, Evidence.none(organizationId));
            return new AssessmentSummary(a.id(), a.organizationId(), a.number(), a.status(), a.startedAt(), a.completedAt(), v.score());
        }).toList();
    }

    /**
     * Starts the next assessment of the organization from its last one: answers, evidence, owners, ratings and the
     * open remediation steps carry over, to be reviewed. Only one assessment is in progress at a time.
     */
    @Transactional
    public AssessmentView start(UUID organizationId) {
        Actor me = Actors.current();
        directory.organization(me, organizationId);
        List<AssessmentRow> history = store.assessmentsOf(organizationId);
        AssessmentRow last = history.isEmpty() ? null : history.get(0);
        if (last != null && last.status() == Status.IN_PROGRESS) {
            throw new ConflictException("Assessment " + last.number() + " is still in progress; complete it before starting another.");
        }
        Instant now = clock.instant();
        AssessmentRow next = new AssessmentRow(UUID.randomUUID(), organizationId, last == null ? 1 : last.number() + 1,
                Status.IN_PROGRESS, last == null ? null : last.id(), now, null);
        try {
            store.insert(next, me.userId());
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("Someone else started an assessment at the same moment; reload the page.");
        }
        if (last != null) {
            store.answers(last.id()).values().forEach(a -> store.saveAnswer(next.id(), a, now, me.userId()));
            store.remediations(last.id()).stream().filter(r -> !r.done()).forEach(r -> store.insertRemediation(next.id(),
                    new RemediationRow(UUID.randomUUID(), r.citation(), r.action(), r.owner(), r.dueOn(), false), now));
        }
        audit.record(me, "COMPLIANCE_ASSESSMENT_STARTED", organizationId, null,
                "Assessment " + next.number() + (last == null ? "" : ", from assessment " + last.number()));
        return view(next, desk.evidence(organizationId));
    }

    @Transactional(readOnly = true)
    public AssessmentView assessment(UUID id) {
        AssessmentRow a = visible(id);
        return view(a, desk.evidence(a.organizationId()));
    }

    @Transactional
    public AssessmentView answer(UUID id, String citation, AnswerChange change) {
        Actor me = Actors.current();
        AssessmentRow a = changeable(id);
        if (citation == null || citation.isBlank()) throw new InvalidRequestException("citation", "Say which citation the answer is for, for example 164.312(d).");
        Control control = catalogue.control(citation).orElseThrow(() -> new NotFoundException("Citation " + citation));
        if (change == null) throw new InvalidRequestException("answer", "Send the answer to record.");
        Integer likelihood = rating("likelihood", change.likelihood());
        Integer impact = rating("impact", change.impact());
        String evidence = text("evidence", change.evidence(), EVIDENCE_MAX);
        String owner = text("owner", change.owner(), OWNER_MAX);
        store.saveAnswer(a.id(), new AnswerRow(control.citation(), change.answer(), evidence, owner, likelihood, impact),
                clock.instant(), me.userId());
        audit.record(me, "COMPLIANCE_ANSWER_RECORDED", a.organizationId(), null,
                "Assessment " + a.number() + ", " + control.citation() + ": " + (change.answer() == null ? "unanswered" : change.answer().label()));
        return view(a, desk.evidence(a.organizationId()));
    }

    @Transactional
    public AssessmentView plan(UUID id, NewRemediation step) {
        Actor me = Actors.current();
        AssessmentRow a = changeable(id);
        if (step == null) throw new InvalidRequestException("action", "Send the step to plan.");
        if (step.citation() == null || catalogue.control(step.citation()).isEmpty()) {
            throw new InvalidRequestException("citation", "Choose the citation this step addresses, for example 164.312(d).");
        }
        String action = text("action", step.action(), ACTION_MAX);
        if (action == null) throw new InvalidRequestException("action", "Say what will be done.");
        if (step.dueOn() == null) throw new InvalidRequestException("dueOn", "Give the day it is due, such as 2027-03-31.");
        if (step.dueOn().getYear() < 2000 || step.dueOn().getYear() > 2100) {
            throw new InvalidRequestException("dueOn", "Give a due day between 2000 and 2100.");
        }
        store.insertRemediation(a.id(), new RemediationRow(UUID.randomUUID(), step.citation(), action,
                text("owner", step.owner(), OWNER_MAX), step.dueOn(), false), clock.instant());
        audit.record(me, "COMPLIANCE_REMEDIATION_PLANNED", a.organizationId(), null,
                "Assessment " + a.number() + ", " + step.citation() + ", due " + step.dueOn());
        return view(a, desk.evidence(a.organizationId()));
    }

    /** Completes the assessment: from then on it is a record that only a new assessment can follow. */
    @Transactional
    public AssessmentView complete(UUID id) {
        Actor me = Actors.current();
        AssessmentRow a = changeable(id);
        if (!store.complete(a.id(), clock.instant(), me.userId())) throw new ConflictException("This assessment is already completed.");
        audit.record(me, "COMPLIANCE_ASSESSMENT_COMPLETED", a.organizationId(), null, "Assessment " + a.number());
        return view(store.assessment(id).orElseThrow(), desk.evidence(a.organizationId()));
    }

    @Transactional(readOnly = true)
    public CsfView csf(UUID id) {
        AssessmentRow a = visible(id);
        Map<String, Answer> answers = new HashMap<>();
        store.answers(a.id()).forEach((c, r) -> {
            if (r.answer() != null) answers.put(c, r.answer());
        });
        return Scoring.csf(a.id(), catalogue.csf(), answers);
    }

    /** Every question whose answer or risk changed since the assessment this one started from. */
    @Transactional(readOnly = true)
    public Comparison compare(UUID id) {
        AssessmentRow a = visible(id);
        AssessmentView now = view(a, Evidence.none(a.organizationId()));
        Optional<AssessmentRow> prev = a.previousId() == null ? Optional.empty() : store.assessment(a.previousId());
        if (prev.isEmpty()) return new Comparison(a.id(), a.number(), null, null, now.score().percent(), null, List.of());
        AssessmentView before = view(prev.get(), Evidence.none(a.organizationId()));
        Map<String, Item> old = new HashMap<>();
        before.items().forEach(i -> old.put(i.citation(), i));
        List<Comparison.Change> changes = new ArrayList<>();
        for (Item i : now.items()) {
            Item o = old.get(i.citation());
            if (!Objects.equals(o.answer(), i.answer()) || !Objects.equals(o.risk(), i.risk())) {
                changes.add(new Comparison.Change(i.citation(), i.title(), o.answer(), i.answer(), o.risk(), i.risk()));
            }
        }
        return new Comparison(a.id(), a.number(), before.id(), before.number(), now.score().percent(),
                before.score().percent(), changes);
    }

    @Transactional(readOnly = true)
    public Evidence evidence(UUID organizationId) {
        directory.organization(Actors.current(), organizationId);
        return desk.evidence(organizationId);
    }

    @Transactional(readOnly = true)
    public SelfAudit selfAudit(UUID organizationId) {
        directory.organization(Actors.current(), organizationId);
        List<AssessmentRow> history = store.assessmentsOf(organizationId);
        Answer guarantee = history.isEmpty() ? null
                : Optional.ofNullable(store.answers(history.get(0).id()).get(Catalogue.PROVIDER_GUARANTEE)).map(AnswerRow::answer).orElse(null);
        return desk.selfAudit(organizationId, guarantee);
    }

    /** Everything the report shows; recording that it was produced (an export for an auditor). */
    @Transactional
    public Report report(UUID id, String format) {
        AssessmentRow a = visible(id);
        Evidence evidence = desk.evidence(a.organizationId());
        AssessmentView view = view(a, evidence);
        audit.record(Actors.current(), "COMPLIANCE_REPORT_EXPORTED", a.organizationId(), null,
                "Assessment " + a.number() + " as " + format);
        return new Report(view, csf(id), compare(id), evidence, selfAudit(a.organizationId()), clock.instant());
    }

    /** The assessment report: the answers, the CSF view, what changed, the desk's evidence and the self-audit. */
    public record Report(AssessmentView assessment, CsfView csf, Comparison comparison, Evidence evidence,
                         SelfAudit selfAudit, Instant generatedAt) {
    }

    private AssessmentRow visible(UUID id) {
        Actor me = Actors.current();
        AssessmentRow a = store.assessment(id).filter(x -> me.canSee(x.organizationId()))
                .orElseThrow(() -> new NotFoundException("Assessment " + id));
        directory.organization(me, a.organizationId());
        return a;
    }

    private AssessmentRow changeable(UUID id) {
        AssessmentRow a = visible(id);
        if (a.status() != Status.IN_PROGRESS) {
            throw new ConflictException("Assessment " + a.number() + " is completed and stays as it was; start a new assessment to change answers.");
        }
        return a;
    }

    private AssessmentView view(AssessmentRow a, Evidence evidence) {
        Map<String, AnswerRow> answers = store.answers(a.id());
        List<Item> items = catalogue.controls().stream().map(c -> item(c, answers.get(c.citation()), evidence)).toList();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Remediation> plan = store.remediations(a.id()).stream()
                .map(r -> new Remediation(r.id(), r.citation(), r.action(), r.owner(), r.dueOn(), r.done(),
                        !r.done() && r.dueOn().isBefore(today)))
                .toList();
        return new AssessmentView(a.id(), a.organizationId(), directory.organizationName(a.organizationId()), a.number(),
                a.status(), a.previousId(), a.startedAt(), a.completedAt(), Scoring.score(items), items, plan,
                item(Catalogue.PROVIDER_GUARANTEE_CONTROL, answers.get(Catalogue.PROVIDER_GUARANTEE), evidence));
    }

    private static Item item(Control c, AnswerRow a, Evidence evidence) {
        Integer risk = a == null ? null : Scoring.risk(a.likelihood(), a.impact());
        List<String> measured = evidence.about(c.citation()).stream()
                .map(f -> f.title() + ": " + f.summary()).toList();
        return new Item(c.citation(), c.kind(), c.standard(), c.title(), c.requirement(), c.safeguard(), c.question(),
                a == null ? null : a.answer(), a == null ? null : a.evidence(), a == null ? null : a.owner(),
                a == null ? null : a.likelihood(), a == null ? null : a.impact(), risk, Scoring.level(risk), measured);
    }

    private static Integer rating(String field, Integer value) {
        if (value != null && (value < 1 || value > 5)) {
            throw new InvalidRequestException(field, "Rate the " + field + " from 1 (lowest) to 5 (highest).");
        }
        return value;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) return null;
        String s = value.strip();
        if (s.length() > max) throw new InvalidRequestException(field, "Keep the " + field + " under " + max + " characters.");
        return s;
    }
}
