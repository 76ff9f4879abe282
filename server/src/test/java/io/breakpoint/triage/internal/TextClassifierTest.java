package io.breakpoint.triage.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Scoring a text once for both models gives what OpenNLP's categorizer gives for each model on its own. */
class TextClassifierTest {

    @Test
    void sharedFeaturesScoreEveryHeldOutTicketExactlyAsTheCategorizerDoes() {
        TextClassifier classifier = ShippedModel.classifier();
        for (LabelledTicket t : Corpus.shipped().heldOut()) {
            TicketText text = TicketText.of(t.subject(), t.description());
            TextClassifier.Scored scored = classifier.score(text);
            assertThat(scored.categories()).as(t.subject()).containsExactly(classifier.probabilities(text));
            assertThat(scored.p1()).as(t.subject()).isEqualTo(classifier.p1Probability(text));
        }
    }

    @Test
    void aTextWithoutWordsScoresNothing() {
        TextClassifier.Scored scored = ShippedModel.classifier().score(TicketText.of("", "  "));
        assertThat(scored.categories()).containsOnly(0.0);
        assertThat(scored.p1()).isZero();
    }
}
