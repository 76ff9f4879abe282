package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The retraining's yardstick and the model's trip through the database, without Spring. */
class RetrainingRulesTest {

    @Test
    void aStoredModelTriagesExactlyLikeTheOneThatWasTrained() {
        TextClassifier trained = ShippedModel.classifier();
        TextClassifier restored = TextClassifier.fromBytes(trained.toBytes());
        TriageEngine a = new TriageEngine(trained, TriageEngine.DEFAULT_THRESHOLD), b = new TriageEngine(restored, TriageEngine.DEFAULT_THRESHOLD);
        for (LabelledTicket t : Corpus.shipped().heldOut().subList(0, 100)) {
            assertThat(b.assess(t.subject(), t.description(), null, null)).isEqualTo(a.assess(t.subject(), t.description(), null, null));
        }
    }

    @Test
    void notWorseMeansNoWorseOnCategoryTierAndP1Recall() {
        HeldOutScore inUse = new HeldOutScore(100, 90, 92, 10, 10);
        assertThat(new HeldOutScore(100, 90, 92, 10, 10).notWorseThan(inUse)).as("the same figures").isTrue();
        assertThat(new HeldOutScore(100, 95, 93, 10, 10).notWorseThan(inUse)).isTrue();
        assertThat(new HeldOutScore(100, 99, 99, 10, 9).notWorseThan(inUse)).as("one P1 missed more").isFalse();
        assertThat(new HeldOutScore(100, 89, 99, 10, 10).notWorseThan(inUse)).as("one category worse").isFalse();
        assertThat(new HeldOutScore(100, 99, 91, 10, 10).notWorseThan(inUse)).as("one tier worse").isFalse();
    }

    @Test
    void aFewCorrectionsInNewWordsTeachTheClassifierWithoutCostOnTheHeldOutSplit() {
        Corpus corpus = Corpus.shipped();
        List<LabelledTicket> train = new ArrayList<>(corpus.train());
        train.addAll(RetrainingFixtures.newWords());
        TriageEngine before = new TriageEngine(ShippedModel.classifier(), TriageEngine.DEFAULT_THRESHOLD);
        TriageEngine after = TriageEngine.trainedOn(train, TriageEngine.DEFAULT_THRESHOLD);
        HeldOutScore was = HeldOutScore.of(before, corpus.heldOut()), now = HeldOutScore.of(after, corpus.heldOut());
        System.out.println("before: " + was.describe() + "; after: " + now.describe());
        assertThat(now.notWorseThan(was)).isTrue();
        assertThat(after.assess(RetrainingFixtures.PROBE_SUBJECT, RetrainingFixtures.PROBE_TEXT, null, null).category())
                .isEqualTo(Category.PHONES_TELEPHONY);
        assertThat(before.assess(RetrainingFixtures.PROBE_SUBJECT, RetrainingFixtures.PROBE_TEXT, null, null).category())
                .isNotEqualTo(Category.PHONES_TELEPHONY);
    }
}
