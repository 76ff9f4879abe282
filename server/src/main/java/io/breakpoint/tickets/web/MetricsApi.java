package io.breakpoint.tickets.web;

import io.breakpoint.tickets.DeskMetrics;
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
class MetricsApi {

    private final DeskMetrics metrics;
    private final Clock clock;

    MetricsApi(DeskMetrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    @GetMapping("/api/v1/metrics/desk")
    @Operation(summary = "First response, same-day resolution and pass-around for tickets opened in [from, to) (default: the last 30 days)")
    DeskMetrics.Report desk(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
                            @RequestParam(required = false) UUID organizationId) {
        Instant now = clock.instant();
        ReportPeriod period = ReportPeriod.orLast30Days(from, to, now);
        return metrics.report(period.from(), period.to(), organizationId, now);
    }
}
