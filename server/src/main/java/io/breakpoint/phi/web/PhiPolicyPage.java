package io.breakpoint.phi.web;

import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.phi.PhiPolicies;
import io.breakpoint.phi.PhiPolicy;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The organization's PHI policy, next to its other settings: practice managers choose their own, MSP admins any
 * client's (with {@code organizationId}).
 */
@Controller
class PhiPolicyPage {

    private final PhiPolicies policies;
    private final Directory directory;

    PhiPolicyPage(PhiPolicies policies, Directory directory) {
        this.policies = policies;
        this.directory = directory;
    }

    @GetMapping("/settings/phi")
    String show(@RequestParam(required = false) UUID organizationId, Model model) {
        OrganizationSummary org = organization(organizationId);
        model.addAttribute("nav", "settings");
        model.addAttribute("organization", org);
        model.addAttribute("policy", policies.policyOf(org.id()));
        model.addAttribute("policies", PhiPolicy.values());
        model.addAttribute("organizationParam", organizationId);
        return "phi/policy";
    }

    @PostMapping("/settings/phi")
    String save(@RequestParam(required = false) UUID organizationId, @RequestParam(required = false) String policy,
                RedirectAttributes redirect) {
        OrganizationSummary org = organization(organizationId);
        PhiPolicy chosen;
        try {
            chosen = PhiPolicy.valueOf(policy == null ? "" : policy);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException("policy", "Choose one of the listed policies.");
        }
        policies.change(Actors.current(), org.id(), chosen);
        redirect.addFlashAttribute("notice", "Patient information policy for " + org.name() + ": " + chosen.label() + ".");
        return "redirect:/settings/phi" + (organizationId == null ? "" : "?organizationId=" + org.id());
    }

    private OrganizationSummary organization(UUID organizationId) {
        Actor me = Actors.current();
        if (me.is(Role.ORG_ADMIN)) return directory.organization(me, me.organizationId());
        if (!me.is(Role.MSP_ADMIN)) throw new ForbiddenException("Only practice managers and MSP admins change these settings.");
        if (organizationId == null) throw new InvalidRequestException("organizationId", "Choose the organization from the Admin pages.");
        return directory.organization(me, organizationId);
    }
}
