package io.breakpoint.compliance.web;

import io.breakpoint.compliance.*;
import io.breakpoint.compliance.AssessmentView.Item;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.Role;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;

import java.time.LocalDate;
import java.util.*;

/** The compliance pages of practice managers, the vCIO and MSP admins. */
@Controller
@RequestMapping("/compliance")
class CompliancePages {

    private final ComplianceWorkspace workspace;
    private final Directory directory;

    CompliancePages(ComplianceWorkspace workspace, Directory directory) {
        this.workspace = workspace;
        this.directory = directory;
    }

    @GetMapping
    String organizations(Model model) {
        Actor me = allowed();
        List<OrganizationSummary> orgs = directory.organizations(me);
        if (orgs.size() == 1) return "redirect:/compliance/organizations/" + orgs.get(0).id();
        model.addAttribute("nav", "compliance");
        model.addAttribute("organizations", orgs);
        return "compliance/organizations";
    }

    @GetMapping("/organizations/{organizationId}")
    String organization(@PathVariable UUID organizationId, Model model) {
        Actor me = allowed();
        OrganizationSummary org = directory.organization(me, organizationId);
        model.addAttribute("nav", "compliance");
        model.addAttribute("organization", org);
        model.addAttribute("assessments", workspace.assessments(organizationId));
        model.addAttribute("selfAudit", workspace.selfAudit(organizationId));
        model.addAttribute("evidence", workspace.evidence(organizationId));
        return "compliance/organization";
    }

    @PostMapping("/organizations/{organizationId}/assessments")
    String start(@PathVariable UUID organizationId) {
        allowed();
        return "redirect:/compliance/assessments/" + workspace.start(organizationId).id();
    }

    @GetMapping("/assessments/{id}")
    String assessment(@PathVariable UUID id, Model model) {
        allowed();
        AssessmentView a = workspace.assessment(id);
        Map<String, List<Item>> bySafeguard = new LinkedHashMap<>();
        a.items().forEach(i -> bySafeguard.computeIfAbsent(i.safeguard(), s -> new ArrayList<>()).add(i));
        model.addAttribute("nav", "compliance");
        model.addAttribute("a", a);
        model.addAttribute("groups", bySafeguard);
        model.addAttribute("answers", Answer.values());
        model.addAttribute("comparison", workspace.compare(id));
        model.addAttribute("csf", workspace.csf(id));
        model.addAttribute("controls", workspace.controls());
        return "compliance/assessment";
    }

    @PostMapping("/assessments/{id}/answers")
    String answer(@PathVariable UUID id, @RequestParam(required = false) String citation, @RequestParam(required = false) Answer answer,
                  @RequestParam(required = false) String evidence, @RequestParam(required = false) String owner,
                  @RequestParam(required = false) Integer likelihood, @RequestParam(required = false) Integer impact,
                  @RequestHeader(name = "HX-Request", required = false) String hx, Model model) {
        allowed();
        AssessmentView a = workspace.answer(id, citation, new AnswerChange(answer, evidence, owner, likelihood, impact));
        if (hx == null) return "redirect:/compliance/assessments/" + id;
        Item item = a.items().stream().filter(i -> i.citation().equals(citation)).findFirst().orElse(a.providerGuarantee());
        model.addAttribute("a", a);
        model.addAttribute("i", item);
        model.addAttribute("answers", Answer.values());
        model.addAttribute("saved", true);
        return "compliance/assessment :: item";
    }

    @PostMapping("/assessments/{id}/remediations")
    String plan(@PathVariable UUID id, @RequestParam(required = false) String citation,
                @RequestParam(required = false) String action, @RequestParam(required = false) String owner,
                @RequestParam(required = false) LocalDate dueOn) {
        allowed();
        workspace.plan(id, new NewRemediation(citation, action, owner, dueOn));
        return "redirect:/compliance/assessments/" + id + "#plan";
    }

    @PostMapping("/assessments/{id}/complete")
    String complete(@PathVariable UUID id) {
        allowed();
        workspace.complete(id);
        return "redirect:/compliance/assessments/" + id;
    }

    @GetMapping("/assessments/{id}/report")
    String report(@PathVariable UUID id, Model model) {
        allowed();
        model.addAttribute("report", workspace.report(id, "HTML"));
        model.addAttribute("standalone", false);
        return "compliance/report";
    }

    @GetMapping(value = "/assessments/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        allowed();
        ComplianceWorkspace.Report r = workspace.report(id, "PDF");
        return ResponseEntity.ok()
                .header("Content-Disposition", "attachment; filename=\"hipaa-assessment-" + r.assessment().number() + ".pdf\"")
                .contentType(MediaType.APPLICATION_PDF)
                .body(ReportPdf.render(r));
    }

    /** The workspace checks this too; checked first so other roles get a plain "not allowed" page. */
    private static Actor allowed() {
        Actor me = Actors.current();
        if (!me.is(Role.ORG_ADMIN) && !me.is(Role.VCIO) && !me.is(Role.MSP_ADMIN)) {
            throw new AccessDeniedException("Compliance is for practice managers, the vCIO and MSP admins.");
        }
        return me;
    }
}
