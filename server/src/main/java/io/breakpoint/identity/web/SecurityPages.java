package io.breakpoint.identity.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.AccountSecurity;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.PersonSummary;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Sign-in security in the browser: everyone's own account page (password, MFA status, API tokens) and the MSP
 * admin's pages (live break-glass access, organizations' MFA requirement, a person's MFA and tokens).
 */
@Controller
class SecurityPages {

    private final AccountSecurity security;
    private final Administration admin;
    private final Directory directory;

    SecurityPages(AccountSecurity security, Administration admin, Directory directory) {
        this.security = security;
        this.admin = admin;
        this.directory = directory;
    }

    @GetMapping("/account")
    String account(Model model) {
        model.addAttribute("nav", "account");
        model.addAttribute("mfa", security.myMfa());
        model.addAttribute("tokens", security.tokens(null));
        Actor me = Actors.current();
        if (me.is(io.breakpoint.identity.Role.ORG_ADMIN)) {
            model.addAttribute("organizationRequiresMfa", security.organizationRequiresMfa(me.organizationId()));
        }
        if (!model.containsAttribute("errors")) model.addAttribute("errors", Map.of());
        return "account";
    }

    @PostMapping("/account/password")
    String changePassword(@RequestParam(defaultValue = "") String current, @RequestParam(defaultValue = "") String password,
                          @RequestParam(defaultValue = "") String confirm, Model model, RedirectAttributes redirect,
                          HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!password.equals(confirm)) {
            errors.put("confirm", "The two new passwords are not the same.");
        } else {
            try {
                security.changePassword(current, password);
            } catch (InvalidRequestException e) {
                errors.put(e.field() == null ? "password" : e.field(), e.getMessage());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(400);
            model.addAttribute("errors", errors);
            return account(model);
        }
        redirect.addFlashAttribute("notice", "Your password is changed.");
        return "redirect:/account";
    }

    /** Practice managers decide whether everyone of their organization signs in with an authenticator app. */
    @PostMapping("/account/organization-mfa")
    String organizationMfa(@RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        Actor me = Actors.current();
        if (!me.is(io.breakpoint.identity.Role.ORG_ADMIN)) throw new io.breakpoint.common.ForbiddenException("Only practice managers set this here.");
        security.requireMfa(me.organizationId(), required);
        redirect.addFlashAttribute("notice", required ? "Everyone of your organization now signs in with an authenticator app."
                : "Only your clinic IT staff need an authenticator app now.");
        return "redirect:/account";
    }

    @PostMapping("/account/tokens/{tokenId}/revoke")
    String revokeMine(@PathVariable String tokenId, RedirectAttributes redirect) {
        security.revokeToken(null, tokenId);
        redirect.addFlashAttribute("notice", "The token is revoked: programs using it must sign in again.");
        return "redirect:/account";
    }

    @GetMapping("/admin/security")
    String adminSecurity(Model model) {
        Actor me = Actors.current();
        List<OrganizationSummary> orgs = directory.organizations(me);
        Map<OrganizationSummary, Boolean> required = new LinkedHashMap<>();
        orgs.forEach(o -> required.put(o, security.organizationRequiresMfa(o.id())));
        model.addAttribute("nav", "admin");
        model.addAttribute("emergency", security.liveEmergencyAccess());
        model.addAttribute("required", required);
        return "admin/security";
    }

    @PostMapping("/admin/organizations/{id}/mfa")
    String requireMfa(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean required, RedirectAttributes redirect) {
        security.requireMfa(id, required);
        redirect.addFlashAttribute("notice", required ? "Everyone of the organization now signs in with an authenticator app."
                : "Only clinic IT staff of the organization need an authenticator app now.");
        return "redirect:/admin/security";
    }

    @GetMapping("/admin/users/{id}/security")
    String personSecurity(@PathVariable UUID id, Model model) {
        PersonSummary p = admin.person(id);
        model.addAttribute("nav", "admin");
        model.addAttribute("person", p);
        model.addAttribute("mfa", security.mfaOf(id));
        model.addAttribute("tokens", security.tokens(id));
        return "admin/user-security";
    }

    @PostMapping("/admin/users/{id}/mfa/reset")
    String resetMfa(@PathVariable UUID id, RedirectAttributes redirect) {
        security.resetMfa(id);
        redirect.addFlashAttribute("notice", "MFA is reset: they set up an authenticator app at their next sign-in.");
        return "redirect:/admin/users/" + id + "/security";
    }

    @PostMapping("/admin/users/{id}/tokens/{tokenId}/revoke")
    String revoke(@PathVariable UUID id, @PathVariable String tokenId, RedirectAttributes redirect) {
        security.revokeToken(id, tokenId);
        redirect.addFlashAttribute("notice", "The token is revoked.");
        return "redirect:/admin/users/" + id + "/security";
    }
}
