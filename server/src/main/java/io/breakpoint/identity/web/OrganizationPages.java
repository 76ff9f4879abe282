package io.breakpoint.identity.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.SiteSummary;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The MSP admin's list of client organizations and the page of one organization with its sites and people. */
@Controller
class OrganizationPages {

    private final Administration admin;
    private final Directory directory;

    OrganizationPages(Administration admin, Directory directory) {
        this.admin = admin;
        this.directory = directory;
    }

    record OrganizationForm(String name, Boolean coManaged) {
        public boolean isCoManaged() {
            return Boolean.TRUE.equals(coManaged);
        }
    }

    record OrganizationRow(UUID id, String name, boolean coManaged, int sites, int people) {
    }

    record SiteRow(UUID id, String name, String timeZone, String hours) {
    }

    record PersonRow(UUID id, String name, String email, String role, String site, boolean enabled) {
    }

    @GetMapping("/admin/organizations")
    String list(Model model) {
        showList(model, new OrganizationForm("", false), new FormErrors());
        return "admin/organizations";
    }

    @PostMapping("/admin/organizations")
    String create(@ModelAttribute OrganizationForm form, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        try {
            UUID id = admin.createOrganization(form.name(), form.isCoManaged());
            redirect.addFlashAttribute("notice", "Organization " + form.name().strip() + " added. Add its sites next.");
            return "redirect:/admin/organizations/" + id;
        } catch (InvalidRequestException e) {
            FormErrors errors = new FormErrors();
            errors.add(e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            showList(model, form, errors);
            return "admin/organizations";
        }
    }

    @GetMapping("/admin/organizations/{id}")
    String show(@PathVariable UUID id, Model model) {
        OrganizationSummary org = directory.organization(Actors.current(), id);
        showOrganization(model, org, new OrganizationForm(org.name(), org.coManaged()), new FormErrors());
        return "admin/organization";
    }

    @PostMapping("/admin/organizations/{id}")
    String update(@PathVariable UUID id, @ModelAttribute OrganizationForm form, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        try {
            admin.updateOrganization(id, form.name(), form.isCoManaged());
            redirect.addFlashAttribute("notice", "Organization " + form.name().strip() + " saved.");
            return "redirect:/admin/organizations/" + id;
        } catch (InvalidRequestException e) {
            FormErrors errors = new FormErrors();
            errors.add(e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            showOrganization(model, directory.organization(Actors.current(), id), form, errors);
            return "admin/organization";
        }
    }

    /** The categories a co-managed organization routes to its own IT staff first. */
    @PostMapping("/admin/organizations/{id}/routing")
    String updateRouting(@PathVariable UUID id, @RequestParam(required = false) List<String> internalFirst, Model model,
                         RedirectAttributes redirect, HttpServletResponse response) {
        OrganizationSummary org = directory.organization(Actors.current(), id);
        List<String> chosen = internalFirst == null ? List.of() : internalFirst;
        try {
            admin.updateInternalFirstCategories(id, chosen);
            redirect.addFlashAttribute("notice", "Routing of " + org.name() + " saved.");
            return "redirect:/admin/organizations/" + id;
        } catch (InvalidRequestException e) {
            FormErrors errors = new FormErrors();
            errors.add(e);
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            showOrganization(model, org, new OrganizationForm(org.name(), org.coManaged()), errors);
            model.addAttribute("internalFirst", RoutingForms.options(new HashSet<>(chosen)));
            return "admin/organization";
        }
    }

    private void showList(Model model, OrganizationForm form, FormErrors errors) {
        Actor me = Actors.current();
        Map<UUID, Long> sites = directory.sites(me, null).stream()
                .collect(Collectors.groupingBy(SiteSummary::organizationId, Collectors.counting()));
        Map<UUID, Integer> people = directory.headcounts(me);
        List<OrganizationRow> rows = directory.organizations(me).stream()
                .map(o -> new OrganizationRow(o.id(), o.name(), o.coManaged(), sites.getOrDefault(o.id(), 0L).intValue(),
                        people.getOrDefault(o.id(), 0)))
                .toList();
        model.addAttribute("organizations", rows);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
    }

    private void showOrganization(Model model, OrganizationSummary org, OrganizationForm form, FormErrors errors) {
        Actor me = Actors.current();
        List<SiteSummary> sites = directory.sites(me, org.id());
        Map<UUID, String> siteNames = sites.stream().collect(Collectors.toMap(SiteSummary::id, SiteSummary::name));
        model.addAttribute("organization", org);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("sites", sites.stream()
                .map(s -> new SiteRow(s.id(), s.name(), s.timeZone().getId(), ClinicHours.summary(directory.calendar(s.id()))))
                .toList());
        model.addAttribute("people", directory.peopleOf(me, org.id()).stream()
                .map(p -> personRow(p, siteNames)).toList());
        model.addAttribute("internalFirst", RoutingForms.options(admin.internalFirstCategories(org.id())));
    }

    static PersonRow personRow(PersonSummary p, Map<UUID, String> siteNames) {
        return new PersonRow(p.id(), p.displayName(), p.email(), RoleLabels.of(p.role()),
                p.siteId() == null ? "" : siteNames.getOrDefault(p.siteId(), ""), p.enabled());
    }
}
