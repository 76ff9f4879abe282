package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.triage.Assessment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Triage measured against labelled tickets: accuracies, P1 recall, a confusion summary and the misses. */
record Evaluation(int n, int categoryRight, int tierRight, int priorityRight, int p1, int p1Found, int falseP1, int dispatched, int dispatchedTierRight,
                  Map<String, Integer> confusions, List<String> misses, List<String> missedP1) {

    static Evaluation of(TriageEngine engine, List<LabelledTicket> tickets) {
        int cat = 0, tier = 0, pri = 0, p1 = 0, p1Found = 0, falseP1 = 0, dispatched = 0, dispatchedTierRight = 0;
        Map<String, Integer> confusions = new TreeMap<>();
        List<String> misses = new ArrayList<>(), missedP1 = new ArrayList<>();
        for (LabelledTicket t : tickets) {
            Assessment a = engine.assess(t.subject(), t.description(), null, null);
            if (a.category() == t.category()) cat++;
            else confusions.merge(t.category() + " → " + a.category(), 1, Integer::sum);
            if (a.tier() == t.tier()) tier++;
            if (a.priority() == t.priority()) pri++;
            if (a.dispatched()) {
                dispatched++;
                if (a.tier() == t.tier()) dispatchedTierRight++;
            }
            if (t.priority() != Priority.P1 && a.priority() == Priority.P1) falseP1++;
            if (t.priority() == Priority.P1) {
                p1++;
                if (a.priority() == Priority.P1) p1Found++;
                else missedP1.add(t.subject() + " | " + t.description());
            }
            if (a.category() != t.category() || a.tier() != t.tier() || a.priority() != t.priority()) {
                misses.add(String.format(Locale.ROOT, "want %s/%d/%s got %s/%d/%s (%.2f) :: %s | %s :: %s", t.category(), t.tier(), t.priority(),
                        a.category(), a.tier(), a.priority(), a.confidence(), t.subject(), t.description(), String.join("; ", a.reasons())));
            }
        }
        return new Evaluation(tickets.size(), cat, tier, pri, p1, p1Found, falseP1, dispatched, dispatchedTierRight, confusions, misses, missedP1);
    }

    double categoryAccuracy() { return (double) categoryRight / n; }

    double tierAccuracy() { return (double) tierRight / n; }

    double priorityAccuracy() { return (double) priorityRight / n; }

    double p1Recall() { return p1 == 0 ? 1 : (double) p1Found / p1; }

    /** Tier accuracy of the tickets triage did not send to a human: how good the automatic routing is when it acts. */
    double tierAccuracyWhenConfident() {
        int decided = n - dispatched;
        return decided == 0 ? 1 : (double) (tierRight - dispatchedTierRight) / decided;
    }

    String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "triage on %d held-out tickets: category %.1f%%, tier %.1f%%, priority %.1f%%, P1 recall %.1f%% (%d/%d), false P1 %d, dispatched to Tier 1 %d (tier accuracy of the rest %.1f%%)%n",
                n, 100 * categoryAccuracy(), 100 * tierAccuracy(), 100 * priorityAccuracy(), 100 * p1Recall(), p1Found, p1, falseP1, dispatched,
                100 * tierAccuracyWhenConfident()));
        b.append("confusions (want → got: count):\n");
        confusions.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> b.append("  ").append(e.getKey()).append(": ").append(e.getValue()).append('\n'));
        b.append("misses:\n");
        misses.forEach(m -> b.append("  ").append(m).append('\n'));
        return b.toString();
    }
}
