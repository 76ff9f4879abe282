package io.breakpoint.telemetry.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** {@code breakpoint.telemetry.*}: limits of the ingestion route and how long measurements are kept. */
@Component
public class TelemetrySettings {

    final int maxBatchSamples;
    final Duration maxFutureSkew;
    final Duration rawRetention;
    final Duration rollupRetention;
    final Duration correctSkewAbove;
    final int ratePerMinute;
    final int rateBurst;
    final Duration enrollmentCodeValidity;
    final int retentionBatch;

    TelemetrySettings(@Value("${breakpoint.telemetry.max-batch-samples:500}") int maxBatchSamples,
                      @Value("${breakpoint.telemetry.max-future-skew:PT5M}") Duration maxFutureSkew,
                      @Value("${breakpoint.telemetry.raw-retention:P14D}") Duration rawRetention,
                      @Value("${breakpoint.telemetry.rollup-retention:P396D}") Duration rollupRetention,
                      @Value("${breakpoint.telemetry.correct-skew-above:PT30S}") Duration correctSkewAbove,
                      @Value("${breakpoint.telemetry.rate-limit.per-minute:10}") int ratePerMinute,
                      @Value("${breakpoint.telemetry.rate-limit.burst:10}") int rateBurst,
                      @Value("${breakpoint.telemetry.enrollment-code-validity:P7D}") Duration enrollmentCodeValidity,
                      @Value("${breakpoint.telemetry.retention.batch:5000}") int retentionBatch) {
        this.maxBatchSamples = maxBatchSamples;
        this.maxFutureSkew = maxFutureSkew;
        this.rawRetention = rawRetention;
        this.rollupRetention = rollupRetention;
        this.correctSkewAbove = correctSkewAbove;
        this.ratePerMinute = ratePerMinute;
        this.rateBurst = rateBurst;
        this.enrollmentCodeValidity = enrollmentCodeValidity;
        this.retentionBatch = retentionBatch;
    }

    public int maxBatchSamples() {
        return maxBatchSamples;
    }

    public int rateBurst() {
        return rateBurst;
    }

    public int ratePerMinute() {
        return ratePerMinute;
    }

    public Duration enrollmentCodeValidity() {
        return enrollmentCodeValidity;
    }
}
