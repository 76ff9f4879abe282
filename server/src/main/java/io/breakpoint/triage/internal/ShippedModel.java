package io.breakpoint.triage.internal;

/**
 * The classifier trained on the train split of the shipped corpus, once per JVM: every Spring context of a
 * test run (and the benchmark) shares it instead of training again. Training takes one to two seconds of CPU.
 */
public final class ShippedModel {

    private ShippedModel() {
    }

    public static TextClassifier classifier() {
        return Holder.CLASSIFIER;
    }

    private static final class Holder {
        static final TextClassifier CLASSIFIER = TextClassifier.train(Corpus.shipped().train());
    }
}
