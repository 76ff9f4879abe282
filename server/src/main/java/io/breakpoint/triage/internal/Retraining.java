package io.breakpoint.triage.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains a candidate on the corpus's train split plus every correction, measures it and the model in use on the
 * corpus's held-out split, and puts the candidate in use only if it is not worse on category accuracy, tier
 * accuracy and P1 recall. Every run is recorded with its figures, refused or not.
 */
@Component
public class Retraining {

    private static final Logger log = LoggerFactory.getLogger(Retraining.class);

    private final TrainingExamples examples;
    private final TriageModels models;
    private final LiveModel live;
    private final TransactionTemplate tx;
    private final Clock clock;

    Retraining(TrainingExamples examples, TriageModels models, LiveModel live, TransactionTemplate tx, Clock clock) {
        this.examples = examples;
        this.models = models;
        this.live = live;
        this.tx = tx;
        this.clock = clock;
    }

    /** What one retraining did. */
    public record Result(long runId, boolean inUse, int corpusExamples, int correctionExamples, HeldOutScore candidate,
                         HeldOutScore was, String outcome) {
    }

    public synchronized Result retrain(String trigger) {
        long t0 = System.nanoTime();
        Corpus corpus = Corpus.shipped();
        List<LabelledTicket> corrections = examples.all();
        List<LabelledTicket> train = new ArrayList<>(corpus.train());
        train.addAll(corrections);
        TextClassifier candidate = TextClassifier.train(train);
        HeldOutScore now = HeldOutScore.of(new TriageEngine(candidate, live.threshold()), corpus.heldOut());
        HeldOutScore was = HeldOutScore.of(live.engine(), corpus.heldOut());
        boolean better = now.notWorseThan(was);
        String outcome = (better ? "put in use: not worse than the model in use" : "refused: worse than the model in use")
                + " on " + corpus.heldOut().size() + " held-out tickets; candidate " + now.describe() + "; in use " + was.describe();
        Instant at = clock.instant();
        byte[] bytes = better ? candidate.toBytes() : null;
        Long id = tx.execute(s -> models.record(at, trigger, corpus.train().size(), corrections.size(), now, was, outcome, bytes));
        if (better) live.use(id, candidate);
        log.info("Triage retraining #{} ({}, {} corpus + {} corrections, {} ms): {}", id, trigger, corpus.train().size(),
                corrections.size(), (System.nanoTime() - t0) / 1_000_000, outcome);
        return new Result(id, better, corpus.train().size(), corrections.size(), now, was, outcome);
    }
}
