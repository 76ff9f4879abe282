package io.breakpoint.simulation;

import java.util.List;
import java.util.Locale;

/** What the desk reached on the simulated day, against PRODUCT.md's targets. */
public record DayKpis(int tickets, int humanResponses, double averageFirstResponseSeconds, double sameDayResolutionRate,
                      double averageReassignments, int firstResponseMet, int firstResponseMissed, int resolutionMet,
                      int resolutionMissed, int routedAutomatically, int routedToTheRightTier, int neverReassigned,
                      int slaBreachesRecorded, List<String> routingViolations) {

    public double firstResponseAttainment() {
        int n = firstResponseMet + firstResponseMissed;
        return n == 0 ? 1 : (double) firstResponseMet / n;
    }

    public double resolutionAttainment() {
        int n = resolutionMet + resolutionMissed;
        return n == 0 ? 1 : (double) resolutionMet / n;
    }

    public String report() {
        return String.format(Locale.ROOT, """
                        Simulated clinic day: %d tickets (with an outage burst and a phishing wave)
                          first response (humans)   avg %.0f s over %d tickets        target ≤ 90 s
                          same-day resolution       %.1f%%                            target ≥ 93%%
                          pass-around               %.2f reassignments per ticket     target ≤ 1
                          SLA first response met    %.1f%% (%d of %d)
                          SLA resolution met        %.1f%% (%d of %d decided; running clocks not counted)
                          SLA breaches recorded     %d
                          routed automatically      %d tickets; to the tier they belong in: %.1f%%; never reassigned: %.1f%%
                          routing violations        %d (skill, tier, organization or shift)%n""",
                tickets, averageFirstResponseSeconds, humanResponses, 100 * sameDayResolutionRate, averageReassignments,
                100 * firstResponseAttainment(), firstResponseMet, firstResponseMet + firstResponseMissed,
                100 * resolutionAttainment(), resolutionMet, resolutionMet + resolutionMissed, slaBreachesRecorded,
                routedAutomatically, tickets == 0 ? 0 : 100.0 * routedToTheRightTier / tickets,
                tickets == 0 ? 0 : 100.0 * neverReassigned / tickets, routingViolations.size())
                + (routingViolations.isEmpty() ? "" : "  " + String.join("\n  ", routingViolations) + "\n");
    }
}
