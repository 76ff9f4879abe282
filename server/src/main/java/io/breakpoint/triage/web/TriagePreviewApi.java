package io.breakpoint.triage.web;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketDesk;
import io.breakpoint.phi.PhiKind;
import io.breakpoint.phi.PhiScreening;
import io.breakpoint.triage.Assessment;
import io.breakpoint.triage.AutomaticTriage;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;

@RestController
@RequestMapping("/api/v1/triage")
@Tag(name = "Triage")
@ConditionalOnProperty(name = "breakpoint.triage.enabled", havingValue = "true", matchIfMissing = true)
class TriagePreviewApi {

    private final AutomaticTriage triage;
    private final PhiScreening phi;

    TriagePreviewApi(AutomaticTriage triage, PhiScreening phi) {
        this.triage = triage;
        this.phi = phi;
    }

    /** The description may be empty: the portal asks for a preview while the requester is still typing. */
    record Preview(@NotBlank @Size(max = TicketDesk.SUBJECT_MAX) String subject,
                   @Size(max = TicketDesk.TEXT_MAX) String description) {
    }

    record PreviewView(Category category, int tier, Priority priority,
                       @Schema(description = "0..1; below the configured threshold the ticket would go to Tier 1 for a human to triage")
                       double confidence,
                       @Schema(description = "True when the subject or description holds PHI (see phiKinds)")
                       boolean containsPhi,
                       @Schema(description = "The kinds of PHI found, never the values")
                       List<PhiKind> phiKinds,
                       @Schema(description = "True when confidence is below the threshold and a human at Tier 1 would triage")
                       boolean dispatched,
                       List<String> reasons) {
    }

    @PostMapping("/preview")
    @Operation(summary = "What triage would decide for this text; nothing is created",
            description = "Any signed-in user. containsPhi and phiKinds say whether the text holds PHI, and which kinds.")
    PreviewView preview(@Valid @RequestBody Preview body) {
        Assessment a = triage.preview(body.subject(), body.description());
        Set<PhiKind> kinds = phi.kindsIn(body.subject(), body.description());
        return new PreviewView(a.category(), a.tier(), a.priority(), a.confidence(), !kinds.isEmpty(),
                kinds.stream().sorted().toList(), a.dispatched(), a.reasons());
    }
}
