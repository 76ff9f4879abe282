package io.breakpoint.diagnosis.web;

import io.breakpoint.diagnosis.Diagnoses;
import io.breakpoint.diagnosis.Diagnosis;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.*;

import java.time.Instant;
import java.util.UUID;

@RestController
@Tag(name = "Diagnosis")
class DiagnosisApi {

    private final Diagnoses diagnoses;

    DiagnosisApi(Diagnoses diagnoses) {
        this.diagnoses = diagnoses;
    }

    @GetMapping({"/api/v1/diagnosis/sites/{id}", "/api/v1/sites/{id}/diagnosis"})
    @Operation(summary = "The site's breakpoint over [from, to] (default: the last hour), with evidence, affected devices and recurring windows "
            + "(also at PRODUCT.md's /api/v1/sites/{id}/diagnosis)")
    Diagnosis site(@PathVariable UUID id, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return diagnoses.site(id, from, to);
    }

    @GetMapping("/api/v1/diagnosis/devices/{id}")
    @Operation(summary = "The device's breakpoint over [from, to] (default: the last hour), compared with its neighbours and other sites")
    Diagnosis device(@PathVariable UUID id, @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to) {
        return diagnoses.device(id, from, to);
    }

    @GetMapping("/api/v1/diagnosis/tickets/{id}")
    @Operation(summary = "The diagnosis for the ticket's time: the reporting device's for a slowness report, else its site's in the hour before it was opened")
    Diagnosis ticket(@PathVariable UUID id) {
        return diagnoses.ticket(id);
    }
}
