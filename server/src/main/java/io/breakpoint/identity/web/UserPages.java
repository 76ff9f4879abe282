package io.breakpoint.identity.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.SiteSummary;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.*;
import java.util.stream.Collectors;

/** MSP staff and the people of each client organization: list, create, edit, set a password. */
@Controller
class UserPages {

    private static final String MSP_STAFF = "msp";

    private final Administration admin;
    private final Directory directory;

    UserPages(Administration admin, Directory directory) {
        this.admin = admin;
        this.directory = directory;
    }

    /** The create form as typed; ids stay text so a bad one is a field message, not a failed binding. */
    record NewUserForm(String email, String displayName, String role, String organizationId, String siteId,
                       List<String> served, String password) {
        NewUserForm {
            served = served == null ? List.of() : served;
        }
    }

    record EditUserForm(String displayName, String role, String siteId, Boolean enabled, List<String> served) {
        EditUserForm {
            served = served == null ? List.of() : served;
        }
    }

    record UserRow(UUID id, String name, String email, String role, String tier, String organization, String site,
                   boolean enabled) {
    }

    record Group(String title, List<UserRow> people) {
    }

    @GetMapping("/admin/users")
    String list(@RequestParam(required = false) String organizationId, Model model) {
        Actor me = Actors.current();
        List<OrganizationSummary> orgs = directory.organizations(me);
        Map<UUID, String> siteNames = directory.sites(me, null).stream()
                .collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
        String wanted = organizationId == null ? "" : organizationId.strip();
        List<Group> groups = new ArrayList<>();
        if (wanted.isEmpty() || wanted.equals(MSP_STAFF)) {
            groups.add(new Group("MSP staff", admin.mspStaff().stream().map(p -> row(p, "MSP", siteNames)).toList()));
        }
        if (!wanted.equals(MSP_STAFF)) {
            Map<UUID, List<PersonSummary>> byOrg = directory.peopleOfVisibleOrganizations(me).stream()
                    .collect(Collectors.groupingBy(PersonSummary::organizationId));
            for (OrganizationSummary o : orgs) {
                if (!wanted.isEmpty() && !wanted.equals(o.id().toString())) continue;
                groups.add(new Group(o.name(), byOrg.getOrDefault(o.id(), List.of()).stream()
                        .map(p -> row(p, o.name(), siteNames)).toList()));
            }
        }
        model.addAttribute("organizations", orgs);
        model.addAttribute("selected", wanted);
        model.addAttribute("groups", groups);
        return "admin/users";
    }

    @GetMapping("/admin/users/new")
    String newUser(@RequestParam(required = false) UUID organizationId, Model model) {
        showNew(model, new NewUserForm("", "", organizationId == null ? "" : Role.REQUESTER.name(),
                organizationId == null ? "" : organizationId.toString(), "", List.of(), ""), new FormErrors());
        return "admin/user-new";
    }

    @PostMapping("/admin/users")
    String create(@ModelAttribute NewUserForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        FormErrors errors = new FormErrors();
        Role role = role(form.role(), errors);
        UUID org = id("organizationId", form.organizationId(), errors);
        UUID site = id("siteId", form.siteId(), errors);
        Set<UUID> served = ids(form.served(), errors);
        if (errors.isEmpty()) {
            try {
                UUID id = admin.createPerson(new NewPerson(form.email() == null ? null : form.email().strip(),
                        form.displayName(), role, role != null && role.isMspRole() ? null : org, site, served,
                        form.password()));
                redirect.addFlashAttribute("notice", "Account for " + form.displayName().strip() + " ("
                        + form.email().strip() + ") created.");
                return "redirect:/admin/users/" + id;
            } catch (InvalidRequestException e) {
                errors.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        // Never send a typed password back to the browser.
        showNew(model, new NewUserForm(form.email(), form.displayName(), form.role(), form.organizationId(),
                form.siteId(), form.served(), ""), errors);
        return "admin/user-new";
    }

    @GetMapping("/admin/users/{id}")
    String edit(@PathVariable UUID id, Model model) {
        PersonSummary p = admin.person(id);
        EditUserForm form = new EditUserForm(p.displayName(), p.role().name(),
                p.siteId() == null ? "" : p.siteId().toString(), p.enabled(),
                admin.servedOrganizations(id).stream().map(UUID::toString).toList());
        showEdit(model, p, form, new FormErrors());
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}")
    String update(@PathVariable UUID id, @ModelAttribute EditUserForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        PersonSummary p = admin.person(id);
        FormErrors errors = new FormErrors();
        Role role = role(form.role(), errors);
        UUID site = id("siteId", form.siteId(), errors);
        Set<UUID> served = ids(form.served(), errors);
        if (errors.isEmpty()) {
            try {
                admin.updatePerson(id, form.displayName(), role, site, Boolean.TRUE.equals(form.enabled()), served);
                redirect.addFlashAttribute("notice", "Changes to " + form.displayName().strip() + " saved.");
                return "redirect:/admin/users/" + id;
            } catch (InvalidRequestException e) {
                errors.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        showEdit(model, p, form, errors);
        return "admin/user";
    }

    @PostMapping("/admin/users/{id}/password")
    String setPassword(@PathVariable UUID id, @RequestParam(required = false) String password, Model model,
                       RedirectAttributes redirect, HttpServletResponse response) {
        PersonSummary p = admin.person(id);
        try {
            admin.setPassword(id, password);
            redirect.addFlashAttribute("notice", "New password for " + p.displayName() + " set. Tell them through a channel other than email.");
            return "redirect:/admin/users/" + id;
        } catch (InvalidRequestException e) {
            FormErrors errors = new FormErrors();
            errors.add("newPassword", e.getMessage());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            showEdit(model, p, new EditUserForm(p.displayName(), p.role().name(),
                    p.siteId() == null ? "" : p.siteId().toString(), p.enabled(),
                    admin.servedOrganizations(id).stream().map(UUID::toString).toList()), errors);
            return "admin/user";
        }
    }

    /** Whether a Tier 1–3 engineer leads their tier: SLA breaches may escalate to them (docs/decisions/0012). */
    @PostMapping("/admin/users/{id}/lead")
    String setLead(@PathVariable UUID id, @RequestParam(required = false) Boolean lead, RedirectAttributes redirect) {
        PersonSummary p = admin.person(id);
        admin.setTierLead(id, Boolean.TRUE.equals(lead));
        redirect.addFlashAttribute("notice", Boolean.TRUE.equals(lead)
                ? p.displayName() + " now leads Tier " + p.role().tier() + "." : p.displayName() + " no longer leads Tier " + p.role().tier() + ".");
        return "redirect:/admin/users/" + id;
    }

    /** Skills, shifts and capacity of someone who works tickets (Tier 1–3 engineers and clinic IT). */
    @PostMapping("/admin/users/{id}/routing")
    String updateRouting(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        PersonSummary p = admin.person(id);
        FormErrors errors = new FormErrors();
        RoutingForms.Typed typed = RoutingForms.read(params, errors);
        if (errors.isEmpty()) {
            try {
                admin.updateRoutingProfile(id, typed.skills(), typed.timeZone(), typed.shifts(), typed.capacity());
                redirect.addFlashAttribute("notice", "Routing of " + p.displayName() + " saved.");
                return "redirect:/admin/users/" + id;
            } catch (InvalidRequestException e) {
                errors.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        showEdit(model, p, new EditUserForm(p.displayName(), p.role().name(),
                p.siteId() == null ? "" : p.siteId().toString(), p.enabled(),
                admin.servedOrganizations(id).stream().map(UUID::toString).toList()), errors);
        model.addAttribute("routing", RoutingForms.echo(params));
        return "admin/user";
    }

    private void showNew(Model model, NewUserForm form, FormErrors errors) {
        Actor me = Actors.current();
        List<OrganizationSummary> orgs = directory.organizations(me);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("clientRoles", RoleLabels.options(false));
        model.addAttribute("mspRoles", RoleLabels.options(true));
        model.addAttribute("organizations", orgs);
        model.addAttribute("sitesByOrganization", sitesByOrganization(me, orgs));
    }

    private void showEdit(Model model, PersonSummary p, EditUserForm form, FormErrors errors) {
        Actor me = Actors.current();
        boolean msp = p.role().isMspRole();
        List<OrganizationSummary> orgs = directory.organizations(me);
        model.addAttribute("person", p);
        model.addAttribute("organizationName", msp ? "MSP staff" : orgs.stream()
                .filter(o -> o.id().equals(p.organizationId())).map(OrganizationSummary::name).findFirst().orElse(""));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("roles", RoleLabels.options(msp));
        model.addAttribute("mspSide", msp);
        model.addAttribute("organizations", orgs);
        model.addAttribute("sites", msp ? List.of() : directory.sites(me, p.organizationId()));
        boolean routed = p.role().tier() != null || p.role() == Role.INTERNAL_IT;
        model.addAttribute("routed", routed);
        if (routed) model.addAttribute("routing", RoutingForms.show(admin.routingProfile(p.id())));
        model.addAttribute("tierLead", p.role().tier() != null && admin.isTierLead(p.id()));
    }

    private Map<OrganizationSummary, List<SiteSummary>> sitesByOrganization(Actor me, List<OrganizationSummary> orgs) {
        Map<UUID, List<SiteSummary>> sites = directory.sites(me, null).stream()
                .collect(Collectors.groupingBy(SiteSummary::organizationId));
        Map<OrganizationSummary, List<SiteSummary>> out = new LinkedHashMap<>();
        orgs.forEach(o -> out.put(o, sites.getOrDefault(o.id(), List.of())));
        return out;
    }

    private static UserRow row(PersonSummary p, String organization, Map<UUID, String> siteNames) {
        return new UserRow(p.id(), p.displayName(), p.email(), RoleLabels.of(p.role()),
                p.tier() == null ? "" : "Tier " + p.tier(), organization,
                p.siteId() == null ? "" : siteNames.getOrDefault(p.siteId(), ""), p.enabled());
    }

    private static Role role(String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.add("role", "Choose a role.");
            return null;
        }
        try {
            return Role.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add("role", "Choose one of the listed roles.");
            return null;
        }
    }

    private static UUID id(String field, String value, FormErrors errors) {
        if (value == null || value.isBlank()) return null;
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(field, "Choose one from the list.");
            return null;
        }
    }

    private static Set<UUID> ids(List<String> values, FormErrors errors) {
        Set<UUID> out = new HashSet<>();
        for (String v : values) {
            UUID id = id("servedOrganizations", v, errors);
            if (id != null) out.add(id);
        }
        return out;
    }
}
