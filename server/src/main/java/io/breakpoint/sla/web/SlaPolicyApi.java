package io.breakpoint.sla.web;

import io.breakpoint.identity.Role;
import io.breakpoint.identity.Actors;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.sla.BreachAction;
import io.breakpoint.sla.ServiceLevelPolicy;
import io.breakpoint.sla.SlaPolicies;
import io.breakpoint.sla.Target;
import io.breakpoint.sla.TierTargets;
import io.breakpoint.tickets.Priority;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.*;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/organizations/{organizationId}/sla-policy")
@Tag(name = "SLA policy")
class SlaPolicyApi {

    /** Role before body: only the MSP admin changes a policy, whatever the request holds. */
    @ModelAttribute
    void mspAdminForChanges(jakarta.servlet.http.HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) && !Actors.current().is(Role.MSP_ADMIN)) {
            throw new ForbiddenException("Only the MSP admin changes SLA policies.");
        }
    }

    private final SlaPolicies policies;

    SlaPolicyApi(SlaPolicies policies) {
        this.policies = policies;
    }

    @Schema(description = "A target: AROUND_THE_CLOCK or CLINIC_TIME take minutes, CLINIC_DAYS takes days, END_OF_CLINIC_DAY (resolution only) neither")
    record TargetBody(@NotNull Target.Clock clock, Integer minutes, Integer days) {
        Target toTarget(String field) {
            if (clock == null) throw new InvalidRequestException(field, "Give the clock.");
            return new Target(clock, Duration.ofMinutes(minutes == null ? 0 : minutes), days == null ? 0 : days);
        }
    }

    @Schema(description = "The internal target of each tier, counted from when that tier received the ticket")
    record TierTargetsBody(@NotNull @Valid TargetBody tier1, @NotNull @Valid TargetBody tier2, @NotNull @Valid TargetBody tier3) {
    }

    record LevelBody(@NotNull @Valid TargetBody firstResponse, @NotNull @Valid TargetBody resolution,
                     @Valid TierTargetsBody tierTargets,
                     @Schema(description = "Deprecated: one target for every tier; give tierTargets instead") @Valid TargetBody tierTarget,
                     @NotNull BreachAction onBreach) {
        TierTargets toTierTargets() {
            if (tierTargets != null && tierTarget != null) {
                throw new InvalidRequestException("tierTargets", "Give tierTargets (one target per tier) or tierTarget, not both.");
            }
            if (tierTargets != null) {
                return new TierTargets(tierTargets.tier1().toTarget("tierTargets.tier1"), tierTargets.tier2().toTarget("tierTargets.tier2"),
                        tierTargets.tier3().toTarget("tierTargets.tier3"));
            }
            if (tierTarget != null) return TierTargets.all(tierTarget.toTarget("tierTarget"));
            throw new InvalidRequestException("tierTargets", "Give the target of each tier: tierTargets {tier1, tier2, tier3}.");
        }
    }

    record TierTargetsView(TargetView tier1, TargetView tier2, TargetView tier3) {
        static TierTargetsView of(TierTargets t) {
            return new TierTargetsView(TargetView.of(t.tier1()), TargetView.of(t.tier2()), TargetView.of(t.tier3()));
        }
    }

    record TargetView(Target.Clock clock, Long minutes, Integer days, String described) {
        static TargetView of(Target t) {
            boolean timed = t.clock() == Target.Clock.AROUND_THE_CLOCK || t.clock() == Target.Clock.CLINIC_TIME;
            return new TargetView(t.clock(), timed ? t.amount().toMinutes() : null, t.clock() == Target.Clock.CLINIC_DAYS ? t.clinicDays() : null,
                    t.describe());
        }
    }

    record LevelView(Priority priority, TargetView firstResponse, TargetView resolution,
                     @Schema(description = "Internal target of each tier, counted from when that tier received the ticket") TierTargetsView tierTargets,
                     @Schema(description = "What a breach that escalates does") BreachAction onBreach,
                     @Schema(description = "False: PRODUCT.md's default") boolean custom) {
        /** One part of the level by its form name: first, resolution, tier1, tier2, tier3 (for the page). */
        public TargetView part(String name) {
            switch (name) {
                case "first": return firstResponse;
                case "resolution": return resolution;
                case "tier1": return tierTargets.tier1();
                case "tier2": return tierTargets.tier2();
                default: return tierTargets.tier3();
            }
        }
    }

    @GetMapping
    @Operation(summary = "The organization's SLA policy per priority (defaults unless changed)",
            description = "Desk staff serving the organization, its admin and the vCIO.")
    List<LevelView> get(@PathVariable UUID organizationId) {
        return views(policies.of(organizationId));
    }

    @PutMapping("/{priority}")
    @Operation(summary = "Change one priority's targets for this organization (MSP admin)",
            description = "Applies to tickets opened, corrected or escalated afterwards.")
    List<LevelView> put(@PathVariable UUID organizationId, @PathVariable Priority priority, @Valid @RequestBody LevelBody body) {
        return views(policies.change(organizationId, priority, new ServiceLevelPolicy.Level(body.firstResponse().toTarget("firstResponse"),
                body.resolution().toTarget("resolution"), body.toTierTargets(), body.onBreach())));
    }

    @DeleteMapping("/{priority}")
    @Operation(summary = "Put one priority back to PRODUCT.md's default for this organization (MSP admin)")
    List<LevelView> reset(@PathVariable UUID organizationId, @PathVariable Priority priority) {
        return views(policies.reset(organizationId, priority));
    }

    static List<LevelView> views(List<SlaPolicies.Row> rows) {
        return rows.stream().map(r -> new LevelView(r.priority(), TargetView.of(r.level().firstResponse()), TargetView.of(r.level().resolution()),
                TierTargetsView.of(r.level().tierTargets()), r.level().onBreach(), r.custom())).toList();
    }
}
