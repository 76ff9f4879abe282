package io.breakpoint.identity.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.common.ForbiddenException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.UUID;

/**
 * The self-service steps an organization gives its staff for account problems, quoted in the automatic
 * acknowledgement of account tickets. Practice managers edit their own; MSP admins any client's.
 */
@Controller
class AccountHelpPages {

    private final Administration admin;
    private final Directory directory;

    AccountHelpPages(Administration admin, Directory directory) {
        this.admin = admin;
        this.directory = directory;
    }

    @GetMapping("/settings/account-help")
    String show(@RequestParam(required = false) UUID organizationId, Model model) {
        OrganizationSummary org = organization(organizationId);
        model.addAttribute("nav", "settings");
        model.addAttribute("organization", org);
        model.addAttribute("text", directory.accountHelp(org.id()).orElse(""));
        model.addAttribute("organizationParam", organizationId);
        return "settings/account-help";
    }

    @PostMapping("/settings/account-help")
    String save(@RequestParam(required = false) UUID organizationId, @RequestParam(defaultValue = "") String text,
                Model model, RedirectAttributes redirect, HttpServletResponse response) {
        OrganizationSummary org = organization(organizationId);
        try {
            admin.setAccountHelp(org.id(), text);
        } catch (InvalidRequestException e) {
            response.setStatus(400);
            model.addAttribute("nav", "settings");
            model.addAttribute("organization", org);
            model.addAttribute("text", text);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("organizationParam", organizationId);
            return "settings/account-help";
        }
        redirect.addFlashAttribute("notice", "Self-service steps for " + org.name() + " saved.");
        return "redirect:/settings/account-help" + (organizationId == null ? "" : "?organizationId=" + org.id());
    }

    private OrganizationSummary organization(UUID organizationId) {
        Actor me = Actors.current();
        if (me.is(Role.ORG_ADMIN)) return directory.organization(me, me.organizationId());
        if (!me.is(Role.MSP_ADMIN)) throw new ForbiddenException("Only practice managers and MSP admins change these settings.");
        if (organizationId == null) {
            throw new InvalidRequestException("organizationId", "Choose the organization from the Admin pages.");
        }
        return directory.organization(me, organizationId);
    }
}
