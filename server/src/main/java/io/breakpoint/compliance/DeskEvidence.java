package io.breakpoint.compliance;

import io.breakpoint.compliance.Evidence.Finding;
import io.breakpoint.compliance.Evidence.Verdict;
import io.breakpoint.compliance.EvidenceSources.*;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.RoutingCandidate;
import io.breakpoint.tickets.DeskMetrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.*;
import java.util.stream.Collectors;

/**
 * Gathers what the desk knows about an organization: its own measurements (response times from the desk metrics,
 * who works which kind of ticket from the routing profiles) and whatever the other modules hand in through
 * {@link EvidenceSources}. A source nobody provides yet reads as "not measured yet".
 */
@Component
class DeskEvidence {

    /** The brief: "If it's longer than two minutes, your support structure is costing you billable hours." */
    static final double TWO_MINUTES = 120;
    static final Duration WINDOW = Duration.ofDays(30);

    private final DeskMetrics metrics;
    private final Directory directory;
    private final ObjectProvider<MfaCoverage> mfa;
    private final ObjectProvider<AuditIntegrity> auditIntegrity;
    private final ObjectProvider<DeviceFacts> devices;
    private final ObjectProvider<SegmentFacts> segments;
    private final ObjectProvider<EmrLagPattern> emrLag;
    private final Clock clock;

    DeskEvidence(DeskMetrics metrics, Directory directory, ObjectProvider<MfaCoverage> mfa,
                 ObjectProvider<AuditIntegrity> auditIntegrity, ObjectProvider<DeviceFacts> devices,
                 ObjectProvider<SegmentFacts> segments, ObjectProvider<EmrLagPattern> emrLag, Clock clock) {
        this.metrics = metrics;
        this.directory = directory;
        this.mfa = mfa;
        this.auditIntegrity = auditIntegrity;
        this.devices = devices;
        this.segments = segments;
        this.emrLag = emrLag;
        this.clock = clock;
    }

    Evidence evidence(UUID org) {
        List<Finding> findings = new ArrayList<>();
        findings.add(mfa(org));
        findings.add(auditIntegrity(org));
        Optional<DeviceFacts.Fleet> fleet = source(devices, s -> s.of(org));
        findings.add(unsupportedOs(fleet));
        findings.add(diskEncryption(fleet));
        findings.add(segmentation(org));
        findings.add(responseTimes(org));
        return new Evidence(org, findings);
    }

    SelfAudit selfAudit(UUID org, Answer providerGuarantee) {
        List<SelfAudit.Check> checks = List.of(emrLag(org), humanAnswer(org), sameTechnicians(org), guarantee(providerGuarantee));
        int score = 0, max = 0;
        List<String> atRisk = new ArrayList<>();
        for (SelfAudit.Check c : checks) {
            if (c.points() == null) continue;
            score += c.points();
            max += 2;
            if (c.verdict() == Verdict.AT_RISK) atRisk.add(c.question());
        }
        return new SelfAudit(org, checks, score, max, result(score, max, checks, atRisk));
    }

    private static String result(int score, int max, List<SelfAudit.Check> checks, List<String> atRisk) {
        long measured = checks.stream().filter(c -> c.points() != null).count();
        String of = measured + " of " + checks.size() + " questions answered from your own data";
        if (max == 0) return "Not enough is measured yet to judge your IT support (" + of + ").";
        double share = (double) score / max;
        String verdict;
        if (share >= 0.85) verdict = "Your IT support holds up: what the desk measured meets the brief's bar.";
        else if (share >= 0.5) verdict = "Your IT support has weak spots worth a conversation with your vCIO.";
        else verdict = "Your IT support is likely holding the clinic back.";
        String risks = atRisk.isEmpty() ? "" : " At risk: " + String.join(" ", atRisk);
        return verdict + " Score " + score + " of " + max + " (" + of + ")." + risks;
    }

    private Finding mfa(UUID org) {
        List<String> cites = List.of("164.312(d)", "164.308(a)(5)(ii)(D)");
        return source(mfa, s -> s.of(org)).map(c -> {
            double share = c.people() == 0 ? 1 : (double) c.enrolled() / c.people();
            Verdict v = share >= 1 ? Verdict.GOOD : share >= 0.8 ? Verdict.WATCH : Verdict.AT_RISK;
            return new Finding("mfa", "Multi-factor sign-in", v, c.enrolled() + " of " + c.people()
                    + " people of the organization sign in with a second factor (" + Math.round(share * 100) + "%).", cites);
        }).orElseGet(() -> notMeasured("mfa", "Multi-factor sign-in", "the desk's sign-in", cites));
    }

    private Finding auditIntegrity(UUID org) {
        List<String> cites = List.of("164.312(b)", "164.312(c)(1)", "164.312(c)(2)");
        return source(auditIntegrity, s -> s.of(org)).map(v -> v.intact()
                ? new Finding("audit-integrity", "Audit log integrity", Verdict.GOOD, "The desk's audit log is intact: "
                + v.recordsChecked() + " records checked, every link of the hash chain matches.", cites)
                : new Finding("audit-integrity", "Audit log integrity", Verdict.AT_RISK, "The desk's audit log was altered: "
                + "the first broken link is " + v.firstBrokenLink() + " (" + v.recordsChecked() + " records checked).", cites)
        ).orElseGet(() -> notMeasured("audit-integrity", "Audit log integrity", "the audit chain verification", cites));
    }

    private static Finding unsupportedOs(Optional<DeviceFacts.Fleet> fleet) {
        List<String> cites = List.of("164.308(a)(5)(ii)(B)", "164.310(c)");
        return fleet.map(f -> new Finding("unsupported-os", "Operating systems out of support",
                f.unsupportedOs() == 0 ? Verdict.GOOD : Verdict.AT_RISK,
                f.unsupportedOs() + " of " + f.devices() + " devices run an operating system that no longer gets security updates.", cites))
                .orElseGet(() -> notMeasured("unsupported-os", "Operating systems out of support", "the device registry", cites));
    }

    private static Finding diskEncryption(Optional<DeviceFacts.Fleet> fleet) {
        List<String> cites = List.of("164.312(a)(2)(iv)", "164.310(d)(1)");
        return fleet.map(f -> {
            Verdict v = f.withoutDiskEncryption() > 0 ? Verdict.AT_RISK : f.encryptionUnknown() > 0 ? Verdict.WATCH : Verdict.GOOD;
            return new Finding("disk-encryption", "Disk encryption", v, f.withoutDiskEncryption() + " of " + f.devices()
                    + " devices have no disk encryption" + (f.encryptionUnknown() > 0 ? "; " + f.encryptionUnknown() + " have not reported it" : "") + ".", cites);
        }).orElseGet(() -> notMeasured("disk-encryption", "Disk encryption", "the device registry", cites));
    }

    private Finding segmentation(UUID org) {
        List<String> cites = List.of("164.312(e)(1)", "164.308(a)(4)(i)");
        return source(segments, s -> s.of(org)).map(shared -> shared.isEmpty()
                ? new Finding("segmentation", "Clinical and guest networks", Verdict.GOOD,
                "No network carries both clinical and guest traffic.", cites)
                : new Finding("segmentation", "Clinical and guest networks", Verdict.AT_RISK, shared.stream()
                .map(n -> n.site() + ": " + n.network() + " carries " + String.join(" and ", n.segments()))
                .collect(Collectors.joining("; ", "Shared networks: ", ".")), cites)
        ).orElseGet(() -> notMeasured("segmentation", "Clinical and guest networks", "the device registry's segments", cites));
    }

    private Finding responseTimes(UUID org) {
        List<String> cites = List.of("164.308(a)(6)(ii)");
        DeskMetrics.Figures f = lastThirtyDays(org);
        if (f == null || f.averageFirstResponseSeconds() == null) {
            return new Finding("response-times", "Time to a human answer", Verdict.NOT_MEASURED,
                    "No ticket of the last 30 days has had a human answer yet.", cites);
        }
        return new Finding("response-times", "Time to a human answer", responseVerdict(f.averageFirstResponseSeconds()),
                "A person answered in " + seconds(f.averageFirstResponseSeconds()) + " on average (9 in 10 within "
                        + seconds(f.p90FirstResponseSeconds()) + ") over " + f.ticketsWithFirstResponse()
                        + " tickets of the last 30 days.", cites);
    }

    private SelfAudit.Check emrLag(UUID org) {
        String q = "Does the EMR lag only at a specific time of day?";
        String why = "If so, it is most likely a network bottleneck when patient traffic peaks, not a software bug.";
        return source(emrLag, s -> s.of(org)).map(p -> new SelfAudit.Check(q, why,
                        p.onlyAtCertainTimes() ? Verdict.AT_RISK : Verdict.GOOD,
                        (p.onlyAtCertainTimes() ? "Yes: " : "No: ") + p.description()))
                .orElseGet(() -> new SelfAudit.Check(q, why, Verdict.NOT_MEASURED,
                        "Not measured yet: the desk answers this once the workstation agent's diagnosis runs at your sites."));
    }

    private SelfAudit.Check humanAnswer(UUID org) {
        String q = "How long until a human answers?";
        String why = "Longer than two minutes for a critical EMR issue costs you billable hours.";
        DeskMetrics.Figures f = lastThirtyDays(org);
        if (f == null || f.averageFirstResponseSeconds() == null) {
            return new SelfAudit.Check(q, why, Verdict.NOT_MEASURED, "Not measured yet: no ticket of the last 30 days has had a human answer.");
        }
        Verdict v = responseVerdict(f.averageFirstResponseSeconds());
        String verdict = v == Verdict.GOOD ? "within the desk's 90-second target" : v == Verdict.WATCH ? "under two minutes, above the 90-second target" : "longer than two minutes";
        return new SelfAudit.Check(q, why, v, seconds(f.averageFirstResponseSeconds()) + " on average over the last 30 days ("
                + verdict + "); 9 in 10 within " + seconds(f.p90FirstResponseSeconds()) + ", " + f.ticketsWithFirstResponse() + " tickets.");
    }

    /**
     * "Password resets" are ACCOUNT_ACCESS tickets, "security design" SECURITY_INCIDENT and INFRASTRUCTURE: the routing
     * profiles say who works which, among the engineers serving the organization and its own IT.
     */
    private SelfAudit.Check sameTechnicians(UUID org) {
        String q = "Do the same technicians reset passwords and design your security?";
        String why = "If so, your network security may be dangerously thin: it needs specialists, not the people working the password queue.";
        Map<UUID, RoutingCandidate> people = new LinkedHashMap<>();
        for (int tier = 1; tier <= 3; tier++) directory.routingCandidates(org, tier).forEach(c -> people.putIfAbsent(c.person().id(), c));
        List<PersonSummary> resetters = new ArrayList<>(), security = new ArrayList<>(), both = new ArrayList<>();
        for (RoutingCandidate c : people.values()) {
            Set<String> skills = c.profile().skills();
            boolean resets = skills.contains("ACCOUNT_ACCESS");
            boolean secures = skills.contains("SECURITY_INCIDENT") || skills.contains("INFRASTRUCTURE");
            if (resets) resetters.add(c.person());
            if (secures) security.add(c.person());
            if (resets && secures) both.add(c.person());
        }
        if (resetters.isEmpty() && security.isEmpty()) {
            return new SelfAudit.Check(q, why, Verdict.NOT_MEASURED, "Not measured yet: nobody serving you has routing skills set up.");
        }
        if (security.isEmpty()) {
            return new SelfAudit.Check(q, why, Verdict.AT_RISK, "Nobody serving you is set up to handle security incidents or infrastructure.");
        }
        if (!both.isEmpty()) {
            return new SelfAudit.Check(q, why, Verdict.AT_RISK, "Yes: " + names(both) + " both reset passwords and handle security or infrastructure.");
        }
        return new SelfAudit.Check(q, why, Verdict.GOOD, "No: " + resetters.size() + " people handle account access ("
                + names(resetters) + "); " + security.size() + " others handle security and infrastructure (" + names(security) + ").");
    }

    private static SelfAudit.Check guarantee(Answer a) {
        String q = "Does your provider stand behind its security?";
        String why = "Without a financial guarantee, you absorb 100% of the risk if a breach occurs.";
        if (a == null || a == Answer.NOT_APPLICABLE) {
            return new SelfAudit.Check(q, why, Verdict.NOT_MEASURED, "Not recorded yet: answer it in the assessment (provider guarantee).");
        }
        return switch (a) {
            case YES -> new SelfAudit.Check(q, why, Verdict.GOOD, "Yes: recorded in the assessment.");
            case PARTIAL -> new SelfAudit.Check(q, why, Verdict.WATCH, "Partly: recorded in the assessment; check what the guarantee excludes.");
            default -> new SelfAudit.Check(q, why, Verdict.AT_RISK, "No: the clinic carries the whole risk of a breach.");
        };
    }

    private DeskMetrics.Figures lastThirtyDays(UUID org) {
        Instant now = clock.instant();
        return metrics.report(now.minus(WINDOW), now, org, now).overall();
    }

    private static Verdict responseVerdict(double seconds) {
        return seconds <= DeskMetrics.TARGET_FIRST_RESPONSE_SECONDS ? Verdict.GOOD : seconds <= TWO_MINUTES ? Verdict.WATCH : Verdict.AT_RISK;
    }

    private static String seconds(Double s) {
        if (s == null) return "-";
        if (s < 120) return Math.round(s) + " s";
        if (s < 7200) return Math.round(s / 60) + " min";
        return Math.round(s / 3600) + " h";
    }

    private static String names(List<PersonSummary> people) {
        return people.stream().map(PersonSummary::displayName).collect(Collectors.joining(", "));
    }

    private static Finding notMeasured(String key, String title, String source, List<String> cites) {
        return new Finding(key, title, Verdict.NOT_MEASURED, "Not measured yet: " + source + " does not report this yet.", cites);
    }

    private static <S, T> Optional<T> source(ObjectProvider<S> provider, java.util.function.Function<S, Optional<T>> ask) {
        S s = provider.getIfAvailable();
        return s == null ? Optional.empty() : ask.apply(s);
    }
}
