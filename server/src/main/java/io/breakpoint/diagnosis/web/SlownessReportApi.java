package io.breakpoint.diagnosis.web;

import io.breakpoint.agent.protocol.SlownessReceipt;
import io.breakpoint.agent.protocol.SlownessReport;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.diagnosis.SlownessReporting;
import io.breakpoint.telemetry.AuthenticatedDevice;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.*;

import java.util.UUID;

@RestController
@Tag(name = "Agent")
class SlownessReportApi {

    private final SlownessReporting reporting;

    SlownessReportApi(SlownessReporting reporting) {
        this.reporting = reporting;
    }

    @PostMapping("/api/v1/devices/{id}/slowness-reports")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "The one-click slowness report (device credentials): stores the burst, diagnoses the device, opens an EMR_PERFORMANCE ticket")
    SlownessReceipt report(@PathVariable UUID id, @RequestBody SlownessReport report) {
        AuthenticatedDevice device = AuthenticatedDevice.current()
                .orElseThrow(() -> new ForbiddenException("Only the workstation agent sends slowness reports."));
        return reporting.report(device, id, report);
    }
}
