package io.breakpoint.triage.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/**
 * The scheduled retraining, daily at 02:30 server time by default ({@code breakpoint.triage.retrain.cron}; "-" turns it
 * off). One instance at a time (ShedLock); it trains only when there are corrections newer than the last run.
 */
@Component
@ConditionalOnProperty(name = "breakpoint.triage.enabled", havingValue = "true", matchIfMissing = true)
class RetrainingSchedule {

    private final Retraining retraining;
    private final TrainingExamples examples;
    private final TriageModels models;

    RetrainingSchedule(Retraining retraining, TrainingExamples examples, TriageModels models) {
        this.retraining = retraining;
        this.examples = examples;
        this.models = models;
    }

    @Scheduled(cron = "${breakpoint.triage.retrain.cron:0 30 2 * * *}")
    @SchedulerLock(name = "triage-retrain", lockAtMostFor = "PT30M", lockAtLeastFor = "PT1M")
    void run() {
        Instant latestCorrection = examples.latest().orElse(null);
        if (latestCorrection == null) return;
        List<TriageModels.Run> last = models.latest(1);
        if (!last.isEmpty() && !latestCorrection.isAfter(last.get(0).trainedAt())) return;
        retraining.retrain("SCHEDULED");
    }
}
