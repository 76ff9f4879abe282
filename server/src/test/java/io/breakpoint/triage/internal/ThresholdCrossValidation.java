package io.breakpoint.triage.internal;

import io.breakpoint.triage.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How the dispatch threshold was chosen: 5-fold cross-validation inside the train split (the held-out split is
 * not touched), scored on the hand-written tickets of each left-out fold, because templated tickets are
 * almost all far above any threshold. A measurement, not a test:
 * <pre>mvn -B -o -q test -pl server -Dtest=ThresholdCrossValidation -Dtriage.bench=true</pre>
 */
class ThresholdCrossValidation {

    static final double[] THRESHOLDS = {0.0, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6};

    @Test
    @EnabledIfSystemProperty(named = "triage.bench", matches = "true")
    void measure() {
        List<LabelledTicket> train = Corpus.shipped().train();
        int folds = 5;
        int[] tierRight = new int[THRESHOLDS.length], wrongSpecialist = new int[THRESHOLDS.length], dispatched = new int[THRESHOLDS.length];
        int n = 0;
        for (int f = 0; f < folds; f++) {
            List<LabelledTicket> fit = new ArrayList<>(), check = new ArrayList<>();
            for (int i = 0; i < train.size(); i++) (i % folds == f ? check : fit).add(train.get(i));
            TextClassifier classifier = TextClassifier.train(fit);
            for (LabelledTicket t : check) {
                if (!t.source().equals("handwritten")) continue;
                n++;
                for (int k = 0; k < THRESHOLDS.length; k++) {
                    Assessment a = new TriageEngine(classifier, THRESHOLDS[k]).assess(t.subject(), t.description(), null, null);
                    if (a.tier() == t.tier()) tierRight[k]++;
                    else if (a.tier() > 1) wrongSpecialist[k]++;
                    if (a.dispatched()) dispatched[k]++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "threshold cross-validation on %d hand-written train tickets (5 folds)%n", n);
        for (int k = 0; k < THRESHOLDS.length; k++) {
            System.out.printf(Locale.ROOT, "  threshold %.2f: tier %.1f%%, sent to a wrong specialist tier %d, dispatched to Tier 1 %d%n",
                    THRESHOLDS[k], 100.0 * tierRight[k] / n, wrongSpecialist[k], dispatched[k]);
        }
    }
}
