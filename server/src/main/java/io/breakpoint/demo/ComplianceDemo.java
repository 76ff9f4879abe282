package io.breakpoint.demo;

import io.breakpoint.compliance.Answer;
import io.breakpoint.compliance.AnswerChange;
import io.breakpoint.compliance.AssessmentView;
import io.breakpoint.compliance.ComplianceWorkspace;
import io.breakpoint.compliance.Control;
import io.breakpoint.compliance.NewRemediation;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * A completed HIPAA Security Rule assessment of Riverbend Health (so the report renders with real answers), and a
 * second one started from it with two answers improved, so the history and the comparison have something to show.
 */
@Component
class ComplianceDemo {

    private record Given(Answer answer, String evidence, String owner, int likelihood, int impact) {
    }

    private static final Map<String, Given> RIVERBEND = Map.ofEntries(
            Map.entry("164.308(a)(1)(ii)(A)", new Given(Answer.PARTIAL, "Risk analysis of 2024 covers the main campus only; the satellites are missing.", "Priya Grant", 3, 4)),
            Map.entry("164.308(a)(1)(ii)(D)", new Given(Answer.PARTIAL, "Audit logs are kept but reviewed only after incidents.", "Dan Whitfield (vCIO)", 3, 3)),
            Map.entry("164.308(a)(3)(ii)(C)", new Given(Answer.NO, "Accounts of leavers are closed when HR remembers to file a ticket; two stayed open for weeks in 2026.", "Priya Grant", 4, 4)),
            Map.entry("164.308(a)(4)(ii)(A)", new Given(Answer.NOT_APPLICABLE, "Riverbend runs no clearinghouse.", null, 1, 1)),
            Map.entry("164.308(a)(5)(ii)(A)", new Given(Answer.PARTIAL, "Phishing reminders twice a year; no simulated phishing.", "Sam Hale", 3, 3)),
            Map.entry("164.308(a)(5)(ii)(B)", new Given(Answer.PARTIAL, "Endpoint protection everywhere; three exam-room PCs still on Windows 10.", "Cara Lindqvist (Tier 3)", 4, 4)),
            Map.entry("164.308(a)(5)(ii)(D)", new Given(Answer.PARTIAL, "12-character passwords; MFA for the EMR, not yet for Windows sign-in.", "Sam Hale", 4, 4)),
            Map.entry("164.308(a)(7)(ii)(B)", new Given(Answer.PARTIAL, "Recovery plan written; the 72-hour restore has not been timed.", "Cara Lindqvist (Tier 3)", 3, 5)),
            Map.entry("164.308(a)(7)(ii)(D)", new Given(Answer.NO, "No restore test in the last 12 months.", "Cara Lindqvist (Tier 3)", 4, 5)),
            Map.entry("164.310(a)(2)(iv)", new Given(Answer.NO, "Lock and badge reader changes are not recorded.", "Facilities", 2, 2)),
            Map.entry("164.310(d)(2)(iii)", new Given(Answer.PARTIAL, "Inventory in a spreadsheet, last updated in spring.", "Sam Hale", 3, 3)),
            Map.entry("164.312(a)(2)(ii)", new Given(Answer.PARTIAL, "Break-glass account exists for the EMR; its use is not reviewed.", "Dan Whitfield (vCIO)", 2, 4)),
            Map.entry("164.312(a)(2)(iv)", new Given(Answer.PARTIAL, "BitLocker on laptops; desktops at O'Fallon unencrypted.", "Cara Lindqvist (Tier 3)", 3, 5)),
            Map.entry("164.312(d)", new Given(Answer.PARTIAL, "MFA for the EMR and email; help desk accounts without.", "Sam Hale", 4, 5)),
            Map.entry("164.312(e)(1)", new Given(Answer.NO, "Guest Wi-Fi and clinical Wi-Fi share one network at O'Fallon.", "Ben Okafor (Tier 2)", 4, 4)));

    private final ComplianceWorkspace workspace;
    private final Clock clock;

    ComplianceDemo(ComplianceWorkspace workspace, Clock clock) {
        this.workspace = workspace;
        this.clock = clock;
    }

    /** Runs as someone who may assess the organization (the demo's MSP admin). */
    void seed(UUID organizationId) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        AssessmentView first = workspace.start(organizationId);
        for (Control c : workspace.controls()) {
            Given g = RIVERBEND.getOrDefault(c.citation(),
                    new Given(Answer.YES, "Policy and procedure on file, reviewed with the vCIO this year.", "Priya Grant", 1, 3));
            workspace.answer(first.id(), c.citation(), new AnswerChange(g.answer(), g.evidence(), g.owner(), g.likelihood(), g.impact()));
        }
        workspace.answer(first.id(), "PROVIDER-GUARANTEE", new AnswerChange(Answer.YES,
                "The MSP contract includes a cybersecurity protection program that pays for breach response.", "Priya Grant", null, null));
        workspace.plan(first.id(), new NewRemediation("164.312(e)(1)", "Separate guest Wi-Fi from the clinical network at O'Fallon (own VLAN and SSID).", "Ben Okafor (Tier 2)", today.plusDays(30)));
        workspace.plan(first.id(), new NewRemediation("164.308(a)(7)(ii)(D)", "Timed test restore of the EMR database and file server.", "Cara Lindqvist (Tier 3)", today.plusDays(45)));
        workspace.plan(first.id(), new NewRemediation("164.308(a)(3)(ii)(C)", "Offboarding ticket from HR closes every account the same day.", "Priya Grant", today.plusDays(14)));
        workspace.plan(first.id(), new NewRemediation("164.312(d)", "Enrol help desk and Windows sign-in in MFA.", "Sam Hale", today.plusDays(60)));
        workspace.complete(first.id());

        AssessmentView second = workspace.start(organizationId);
        workspace.answer(second.id(), "164.308(a)(3)(ii)(C)", new AnswerChange(Answer.YES,
                "Offboarding tickets from HR now close every account the same day.", "Priya Grant", 1, 4));
        workspace.answer(second.id(), "164.308(a)(1)(ii)(A)", new AnswerChange(Answer.YES,
                "Risk analysis extended to Chesterfield and O'Fallon.", "Priya Grant", 2, 4));
    }
}
