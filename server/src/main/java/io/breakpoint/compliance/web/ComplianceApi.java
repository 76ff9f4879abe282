package io.breakpoint.compliance.web;

import io.breakpoint.compliance.*;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/compliance")
@Tag(name = "Compliance")
class ComplianceApi {

    private final ComplianceWorkspace workspace;
    private final ReportHtml html;

    ComplianceApi(ComplianceWorkspace workspace, ReportHtml html) {
        this.workspace = workspace;
        this.html = html;
    }

    /** One answer: the citation it is for, and what the assessor records (all but the citation may be empty). */
    record AnswerBody(String citation, Answer answer, String evidence, String owner, Integer likelihood, Integer impact) {
    }

    record RemediationBody(String citation, String action, String owner, LocalDate dueOn) {
    }

    @GetMapping("/organizations/{organizationId}/assessments")
    @Operation(summary = "The organization's HIPAA Security Rule assessments, newest first, with their scores")
    List<AssessmentSummary> assessments(@PathVariable UUID organizationId) {
        return workspace.assessments(organizationId);
    }

    @PostMapping("/organizations/{organizationId}/assessments")
    @Operation(summary = "Start the next assessment from the last one (409 while one is in progress)")
    ResponseEntity<AssessmentView> start(@PathVariable UUID organizationId) {
        AssessmentView a = workspace.start(organizationId);
        return ResponseEntity.created(URI.create("/api/v1/compliance/assessments/" + a.id())).body(a);
    }

    @GetMapping("/organizations/{organizationId}/evidence")
    @Operation(summary = "What the desk measured about the organization's security (\"NOT_MEASURED\" where no source reports yet)")
    Evidence evidence(@PathVariable UUID organizationId) {
        return workspace.evidence(organizationId);
    }

    @GetMapping("/organizations/{organizationId}/self-audit")
    @Operation(summary = "The four-question self-audit answered with the organization's own data, and its score")
    SelfAudit selfAudit(@PathVariable UUID organizationId) {
        return workspace.selfAudit(organizationId);
    }

    @GetMapping("/assessments/{id}")
    @Operation(summary = "An assessment: every question with its answer, evidence, owner and risk, and the remediation plan")
    AssessmentView assessment(@PathVariable UUID id) {
        return workspace.assessment(id);
    }

    @PostMapping("/assessments/{id}/answers")
    @Operation(summary = "Record the answer to one citation (or PROVIDER-GUARANTEE) of an assessment in progress")
    AssessmentView answer(@PathVariable UUID id, @RequestBody AnswerBody body) {
        return workspace.answer(id, body.citation(), new AnswerChange(body.answer(), body.evidence(), body.owner(),
                body.likelihood(), body.impact()));
    }

    @PostMapping("/assessments/{id}/remediations")
    @Operation(summary = "Add a step to the remediation plan of an assessment in progress")
    ResponseEntity<AssessmentView> plan(@PathVariable UUID id, @RequestBody RemediationBody body) {
        AssessmentView a = workspace.plan(id, new NewRemediation(body.citation(), body.action(), body.owner(), body.dueOn()));
        return ResponseEntity.status(201).body(a);
    }

    @PostMapping("/assessments/{id}/complete")
    @Operation(summary = "Complete an assessment; it no longer changes")
    AssessmentView complete(@PathVariable UUID id) {
        return workspace.complete(id);
    }

    @GetMapping("/assessments/{id}/csf")
    @Operation(summary = "The NIST CSF 2.0 view of the assessment's answers: 6 functions, 22 categories")
    CsfView csf(@PathVariable UUID id) {
        return workspace.csf(id);
    }

    @GetMapping("/assessments/{id}/comparison")
    @Operation(summary = "What changed since the assessment this one started from")
    Comparison comparison(@PathVariable UUID id) {
        return workspace.compare(id);
    }

    @GetMapping(value = "/assessments/{id}/report", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The assessment report as HTML")
    String report(@PathVariable UUID id) {
        return html.render(workspace.report(id, "HTML"));
    }

    @GetMapping(value = "/assessments/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The assessment report as PDF")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        ComplianceWorkspace.Report r = workspace.report(id, "PDF");
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"hipaa-assessment-" + r.assessment().number() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(ReportPdf.render(r));
    }
}
