package io.breakpoint.triage.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.triage.Assessment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trains on the train split of the shipped corpus and measures on the held-out split, which the classifier
 * never sees: the targets of PRODUCT.md (tier ≥ 90%, category ≥ 85%, P1 recall 100%). Prints the figures,
 * a confusion summary and every miss, so a change to rules or corpus shows what it moved.
 */
class TriageEvaluationTest {

    static Corpus corpus;
    static TriageEngine engine;

    @BeforeAll
    static void train() {
        corpus = Corpus.shipped();
        long t0 = System.nanoTime();
        engine = TriageEngine.trainedOn(corpus.train(), TriageEngine.DEFAULT_THRESHOLD);
        System.out.printf(Locale.ROOT, "triage: trained on %d tickets in %d ms%n", corpus.train().size(), (System.nanoTime() - t0) / 1_000_000);
    }

    @Test
    void meetsTheTargetsOnTicketsItHasNeverSeen() {
        Evaluation e = Evaluation.of(engine, corpus.heldOut());
        System.out.println(e.report());
        assertThat(e.tierAccuracy()).as("tier accuracy").isGreaterThanOrEqualTo(0.90);
        assertThat(e.categoryAccuracy()).as("category accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(e.p1Recall()).as("P1 recall; missed: " + e.missedP1()).isEqualTo(1.0);
    }

    @Test
    void reportsTheHandWrittenPartOfTheHeldOutSplitApart() {
        // The hand-written tickets are the irregular ones; templated tickets share phrasing with the train split.
        Evaluation e = Evaluation.of(engine, corpus.heldOut().stream().filter(t -> t.source().equals("handwritten")).toList());
        System.out.println("hand-written only: " + e.report());
        assertThat(e.p1Recall()).as("P1 recall; missed: " + e.missedP1()).isEqualTo(1.0);
    }

    /**
     * Two small batches written after the corpus, in other words: fresh.tsv was measured first and then showed
     * two rule gaps that were fixed (so it is no longer unseen); fresh2.tsv was written after that and measured once.
     */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"fresh.tsv", "fresh2.tsv", "fresh3.tsv", "fresh4.tsv", "fresh5.tsv", "fresh6.tsv"})
    void reportsOnTicketsWrittenAfterTheCorpus(String file) throws Exception {
        List<LabelledTicket> fresh = new java.util.ArrayList<>();
        try (var in = getClass().getResourceAsStream("/triage/" + file)) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                fresh.add(new LabelledTicket(true, "fresh", Category.valueOf(f[0]), Integer.parseInt(f[1]), Priority.valueOf(f[2]), f[3], f[4], f[5]));
            }
        }
        Evaluation e = Evaluation.of(engine, fresh);
        System.out.println("written after the corpus (" + file + "): " + e.report());
        assertThat(e.p1Recall()).as("P1 recall; missed: " + e.missedP1()).isEqualTo(1.0);
    }

    @Test
    void trainAndHeldOutShareNoText() {
        var train = corpus.train().stream().map(t -> TicketText.of(t.subject(), t.description()).padded()).collect(java.util.stream.Collectors.toSet());
        assertThat(corpus.heldOut()).noneMatch(t -> train.contains(TicketText.of(t.subject(), t.description()).padded()));
        assertThat(corpus.tickets().stream().map(LabelledTicket::category).distinct()).hasSize(Category.values().length);
        assertThat(corpus.tickets()).hasSizeGreaterThanOrEqualTo(1500);
    }
}
