package io.breakpoint.sla.web;

import io.breakpoint.sla.SlaMetrics;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import io.breakpoint.common.ReportPeriod;

import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Desk metrics")
class SlaMetricsApi {

    private final SlaMetrics metrics;
    private final Clock clock;

    SlaMetricsApi(SlaMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/metrics/sla")
    @Operation(summary = "SLA attainment and breaches per priority for tickets opened in [from, to) (default: the last 30 days)")
    SlaMetrics.Report sla(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                          @RequestParam(required = false) UUID organizationId) {
        Instant now = clock.instant();
        ReportPeriod period = ReportPeriod.orLast30Days(from, to, now);
        return metrics.report(period.from(), period.to(), organizationId, now);
    }
}
