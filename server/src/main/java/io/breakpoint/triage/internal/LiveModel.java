package io.breakpoint.triage.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The triage engine every ticket goes through: the model in use in the database when there is one (a retraining
 * put it there), else the one trained at startup on the shipped corpus. Loaded on first use, and looked up again
 * every minute, so an instance follows a retraining done by another instance or by the command line.
 */
@Component
public class LiveModel {

    private static final Logger log = LoggerFactory.getLogger(LiveModel.class);

    private final TriageModels models;
    private final double threshold;
    private volatile Loaded loaded;

    private record Loaded(long id, TextClassifier classifier, TriageEngine engine) {
    }

    LiveModel(TriageModels models,
              @Value("${breakpoint.triage.confidence-threshold:" + TriageEngine.DEFAULT_THRESHOLD + "}") double threshold) {
        this.models = models;
        this.threshold = threshold;
    }

    public TriageEngine engine() {
        Loaded l = loaded;
        if (l == null) {
            synchronized (this) {
                if (loaded == null) loaded = load();
                l = loaded;
            }
        }
        return l.engine();
    }

    TextClassifier classifier() {
        engine();
        return loaded.classifier();
    }

    /** 0: the shipped corpus's model. */
    public long id() {
        engine();
        return loaded.id();
    }

    double threshold() {
        return threshold;
    }

    synchronized void use(long id, TextClassifier classifier) {
        loaded = new Loaded(id, classifier, new TriageEngine(classifier, threshold));
    }

    @Scheduled(fixedDelayString = "${breakpoint.triage.model-check:PT1M}", initialDelayString = "${breakpoint.triage.model-check:PT1M}")
    void followOtherInstances() {
        Loaded l = loaded;
        if (l == null) return;
        try {
            if (models.inUseId() != l.id()) {
                synchronized (this) {
                    loaded = load();
                }
                log.info("Triage now uses model {} (put in use elsewhere)", loaded.id() == 0 ? "trained on the shipped corpus" : "#" + loaded.id());
            }
        } catch (RuntimeException e) {
            log.warn("Could not look up the triage model in use: {}", e.getMessage());
        }
    }

    private Loaded load() {
        long t0 = System.nanoTime();
        Loaded l = models.inUse()
                .map(m -> {
                    TextClassifier c = TextClassifier.fromBytes(m.model());
                    return new Loaded(m.id(), c, new TriageEngine(c, threshold));
                })
                .orElseGet(() -> new Loaded(0, ShippedModel.classifier(), new TriageEngine(ShippedModel.classifier(), threshold)));
        log.info("Automatic triage ready in {} ms with {} (dispatch to Tier 1 below confidence {})", (System.nanoTime() - t0) / 1_000_000,
                l.id() == 0 ? "the model trained on the shipped corpus" : "retrained model #" + l.id(), threshold);
        return l;
    }
}
