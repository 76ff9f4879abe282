package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Priority;
import io.breakpoint.triage.Assessment;

import java.util.List;
import java.util.Locale;

/**
 * How a triage engine does on labelled tickets it was not trained on: right categories, right tiers, P1 tickets
 * found. Counts, not rates, so "not worse" compares whole tickets and never a rounding difference.
 */
public record HeldOutScore(int tickets, int categoryRight, int tierRight, int p1, int p1Found) {

    public static HeldOutScore of(TriageEngine engine, List<LabelledTicket> heldOut) {
        int cat = 0, tier = 0, p1 = 0, p1Found = 0;
        for (LabelledTicket t : heldOut) {
            Assessment a = engine.assess(t.subject(), t.description(), null, null);
            if (a.category() == t.category()) cat++;
            if (a.tier() == t.tier()) tier++;
            if (t.priority() == Priority.P1) {
                p1++;
                if (a.priority() == Priority.P1) p1Found++;
            }
        }
        return new HeldOutScore(heldOut.size(), cat, tier, p1, p1Found);
    }

    /** Not worse on any of the three figures the targets name: category accuracy, tier accuracy, P1 recall. */
    public boolean notWorseThan(HeldOutScore other) {
        return categoryRight >= other.categoryRight && tierRight >= other.tierRight && p1Found >= other.p1Found;
    }

    public double categoryAccuracy() {
        return tickets == 0 ? 0 : (double) categoryRight / tickets;
    }

    public double tierAccuracy() {
        return tickets == 0 ? 0 : (double) tierRight / tickets;
    }

    public double p1Recall() {
        return p1 == 0 ? 1 : (double) p1Found / p1;
    }

    public String describe() {
        return String.format(Locale.ROOT, "category %.1f%%, tier %.1f%%, P1 recall %.1f%% (%d/%d)",
                100 * categoryAccuracy(), 100 * tierAccuracy(), 100 * p1Recall(), p1Found, p1);
    }
}
