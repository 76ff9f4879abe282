package io.breakpoint.sla.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.sla.BreachAction;
import io.breakpoint.sla.ServiceLevelPolicy;
import io.breakpoint.sla.SlaPolicies;
import io.breakpoint.sla.Target;
import io.breakpoint.sla.TierTargets;
import io.breakpoint.tickets.Priority;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** The MSP admin's page of each client organization's SLA policy (docs/decisions/0012). */
@Controller
class SlaPolicyPages {

    private final SlaPolicies policies;
    private final Directory directory;

    SlaPolicyPages(SlaPolicies policies, Directory directory) {
        this.policies = policies;
        this.directory = directory;
    }

    @ModelAttribute("nav")
    String requireMspAdmin() {
        if (!Actors.current().is(Role.MSP_ADMIN)) throw new AccessDeniedException("MSP admins only");
        return "admin";
    }

    @GetMapping("/admin/sla-policies")
    String show(@RequestParam(required = false) UUID organizationId, Model model) {
        List<OrganizationSummary> orgs = directory.organizations(Actors.current());
        model.addAttribute("organizations", orgs);
        if (organizationId == null && !orgs.isEmpty()) organizationId = orgs.get(0).id();
        model.addAttribute("organizationId", organizationId);
        if (organizationId != null) model.addAttribute("rows", SlaPolicyApi.views(policies.of(organizationId)));
        model.addAttribute("clocks", Target.Clock.values());
        model.addAttribute("actions", BreachAction.values());
        return "sla/policies";
    }

    @PostMapping("/admin/sla-policies/{organizationId}/{priority}")
    String save(@PathVariable UUID organizationId, @PathVariable Priority priority,
                @RequestParam(defaultValue = "") String firstClock, @RequestParam(defaultValue = "") String firstAmount,
                @RequestParam(defaultValue = "") String resolutionClock, @RequestParam(defaultValue = "") String resolutionAmount,
                @RequestParam(defaultValue = "") String tier1Clock, @RequestParam(defaultValue = "") String tier1Amount,
                @RequestParam(defaultValue = "") String tier2Clock, @RequestParam(defaultValue = "") String tier2Amount,
                @RequestParam(defaultValue = "") String tier3Clock, @RequestParam(defaultValue = "") String tier3Amount,
                @RequestParam(defaultValue = "") String onBreach, @RequestParam(required = false) String reset,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        try {
            if (reset != null) {
                policies.reset(organizationId, priority);
                redirect.addFlashAttribute("notice", priority + " is back to the default policy.");
            } else {
                policies.change(organizationId, priority, new ServiceLevelPolicy.Level(target("firstResponse", firstClock, firstAmount),
                        target("resolution", resolutionClock, resolutionAmount), new TierTargets(target("tierTargets.tier1", tier1Clock, tier1Amount),
                                target("tierTargets.tier2", tier2Clock, tier2Amount), target("tierTargets.tier3", tier3Clock, tier3Amount)),
                        action(onBreach)));
                redirect.addFlashAttribute("notice", priority + " saved. New, corrected and escalated tickets get the new times.");
            }
            return "redirect:/admin/sla-policies?organizationId=" + organizationId;
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("error", priority + ": " + e.getMessage());
            return show(organizationId, model);
        }
    }

    /** "30" minutes for timed clocks, "2" days for CLINIC_DAYS, nothing for END_OF_CLINIC_DAY. */
    private static Target target(String field, String clock, String amount) {
        Target.Clock c;
        try {
            c = Target.Clock.valueOf(clock);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(field, "Choose how the time is counted.");
        }
        int n = 0;
        if (c != Target.Clock.END_OF_CLINIC_DAY) {
            try {
                n = Integer.parseInt(amount.strip());
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(field, "Give a whole number (" + (c == Target.Clock.CLINIC_DAYS ? "clinic days" : "minutes") + ").");
            }
        }
        return c == Target.Clock.CLINIC_DAYS ? new Target(c, Duration.ZERO, n) : new Target(c, Duration.ofMinutes(n), 0);
    }

    private static BreachAction action(String value) {
        try {
            return BreachAction.valueOf(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("onBreach", "Choose what a breach does.");
        }
    }
}
