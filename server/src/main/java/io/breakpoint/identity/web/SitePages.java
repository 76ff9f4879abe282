package io.breakpoint.identity.web;

import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.SiteSummary;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Adding and editing a site: name, time zone, clinic hours per weekday and holidays. */
@Controller
class SitePages {

    /** Where US clinics are; listed first so nobody scrolls through 600 zones to find Chicago. */
    private static final List<String> COMMON_ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu", "America/Puerto_Rico");
    private static final List<String> ALL_ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> !COMMON_ZONES.contains(z)).sorted().toList();

    private final Administration admin;
    private final Directory directory;

    SitePages(Administration admin, Directory directory) {
        this.admin = admin;
        this.directory = directory;
    }

    @GetMapping("/admin/sites/new")
    String newSite(@RequestParam UUID organizationId, @RequestParam(required = false) String name, Model model) {
        show(model, null, SiteForm.fresh(organizationId, name), new FormErrors());
        return "admin/site";
    }

    @PostMapping("/admin/sites")
    String create(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        SiteForm form = SiteForm.from(params);
        if (form.organizationId() == null) throw new NotFoundException("Organization");
        FormErrors errors = new FormErrors();
        Map<DayOfWeek, ClinicCalendar.Hours> hours = form.hours(errors);
        Map<LocalDate, String> holidays = form.holidays(errors);
        if (errors.isEmpty()) {
            try {
                admin.createSite(form.organizationId(), form.name(), form.timeZone(), hours, holidays);
                redirect.addFlashAttribute("notice", "Site " + form.name().strip() + " added.");
                return "redirect:/admin/organizations/" + form.organizationId();
            } catch (InvalidRequestException e) {
                errors.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        show(model, null, form, errors);
        return "admin/site";
    }

    @GetMapping("/admin/sites/{id}")
    String edit(@PathVariable UUID id, Model model) {
        SiteSummary site = directory.site(Actors.current(), id);
        show(model, site, SiteForm.of(site, directory.calendar(id), admin.holidays(id)), new FormErrors());
        return "admin/site";
    }

    @PostMapping("/admin/sites/{id}")
    String update(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
                  RedirectAttributes redirect, HttpServletResponse response) {
        SiteSummary site = directory.site(Actors.current(), id);
        SiteForm posted = SiteForm.from(params);
        // The organization comes from the stored site, never from the form.
        SiteForm form = new SiteForm(site.organizationId(), posted.name(), posted.timeZone(), posted.opens(),
                posted.closes(), posted.holidays());
        FormErrors errors = new FormErrors();
        Map<DayOfWeek, ClinicCalendar.Hours> hours = form.hours(errors);
        Map<LocalDate, String> holidays = form.holidays(errors);
        if (errors.isEmpty()) {
            try {
                admin.updateSite(id, form.name(), form.timeZone(), hours, holidays);
                redirect.addFlashAttribute("notice", "Site " + form.name().strip() + " saved.");
                return "redirect:/admin/organizations/" + site.organizationId();
            } catch (InvalidRequestException e) {
                errors.add(e);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        show(model, site, form, errors);
        return "admin/site";
    }

    private void show(Model model, SiteSummary site, SiteForm form, FormErrors errors) {
        OrganizationSummary org = directory.organization(Actors.current(), form.organizationId());
        model.addAttribute("organization", org);
        model.addAttribute("site", site);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("commonZones", COMMON_ZONES);
        model.addAttribute("allZones", ALL_ZONES);
    }
}
