package io.breakpoint.telemetry.web;

import io.breakpoint.common.ConflictException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.telemetry.DeviceManagement;
import io.breakpoint.telemetry.Devices;
import io.breakpoint.telemetry.EnrollmentCode;
import io.breakpoint.telemetry.ProbeSettings;
import io.breakpoint.telemetry.SegmentPurpose;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * The agents of a site for its admins: enrollment codes (create, shown once; revoke), network segments, probe
 * settings and the devices enrolled. MSP admins reach it from the site's admin page, org admins from "Agents".
 */
@Controller
class AgentPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm");

    private final DeviceManagement management;
    private final Devices devices;
    private final Directory directory;

    AgentPages(DeviceManagement management, Devices devices, Directory directory) {
        this.management = management;
        this.devices = devices;
        this.directory = directory;
    }

    /** The sites whose agents the caller manages. */
    @GetMapping("/agents")
    String sites(Model model) {
        Actor me = Actors.current();
        if (!me.is(Role.MSP_ADMIN) && !me.is(Role.ORG_ADMIN)) throw new AccessDeniedException("Admins only");
        List<SiteSummary> sites = directory.sites(me, null).stream().filter(s -> DeviceManagement.mayManage(me, s)).toList();
        model.addAttribute("nav", "agents");
        model.addAttribute("sites", sites);
        return "telemetry/sites";
    }

    @GetMapping("/sites/{siteId}/agents")
    String site(@PathVariable UUID siteId, Model model) {
        show(model, siteId, null, null);
        return "telemetry/agents";
    }

    @PostMapping("/sites/{siteId}/agents/codes")
    String createCode(@PathVariable UUID siteId, @RequestParam(required = false) String label,
                      @RequestParam(defaultValue = "7") String days, @RequestParam(defaultValue = "1") String uses,
                      Model model, RedirectAttributes redirect, HttpServletResponse response) {
        Actor me = Actors.current();
        try {
            int d = number("days", days, "How many days the code stays valid: a whole number from 1 to 90.");
            int u = number("uses", uses, "How many devices the code may enroll: a whole number from 1 to 10,000.");
            EnrollmentCode.Issued issued = management.createEnrollmentCode(me, siteId, label, Duration.ofDays(d), u);
            redirect.addFlashAttribute("issuedCode", issued.code());
            redirect.addFlashAttribute("notice", "Code created. Copy it now: it is not shown again.");
            return "redirect:/sites/" + siteId + "/agents";
        } catch (InvalidRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(model, siteId, e.field(), e.getMessage());
            return "telemetry/agents";
        }
    }

    @PostMapping("/agents/codes/{codeId}/revoke")
    String revoke(@PathVariable UUID codeId, RedirectAttributes redirect) {
        EnrollmentCode code = management.revokeEnrollmentCode(Actors.current(), codeId);
        redirect.addFlashAttribute("notice", "Code revoked. Devices already enrolled with it keep working.");
        return "redirect:/sites/" + code.siteId() + "/agents";
    }

    @PostMapping("/sites/{siteId}/agents/segments")
    String addSegment(@PathVariable UUID siteId, @RequestParam(required = false) String name,
                      @RequestParam(required = false) String purpose, @RequestParam(required = false) String cidrs,
                      @RequestParam(required = false) String probeAddresses, Model model, RedirectAttributes redirect,
                      HttpServletResponse response) {
        try {
            SegmentPurpose p;
            try {
                p = purpose == null || purpose.isBlank() ? null : SegmentPurpose.valueOf(purpose);
            } catch (IllegalArgumentException e) {
                p = null;
            }
            management.createSegment(Actors.current(), siteId, name, p, lines(cidrs), lines(probeAddresses));
            redirect.addFlashAttribute("notice", "Segment " + name.strip() + " added.");
            return "redirect:/sites/" + siteId + "/agents";
        } catch (InvalidRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(model, siteId, e.field(), e.getMessage());
            return "telemetry/agents";
        } catch (ConflictException e) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            show(model, siteId, "name", e.getMessage());
            return "telemetry/agents";
        }
    }

    @PostMapping("/agents/segments/{segmentId}/delete")
    String deleteSegment(@PathVariable UUID segmentId, @RequestParam UUID siteId, RedirectAttributes redirect) {
        management.deleteSegment(Actors.current(), segmentId);
        redirect.addFlashAttribute("notice", "Segment removed.");
        return "redirect:/sites/" + siteId + "/agents";
    }

    @PostMapping("/sites/{siteId}/agents/probe-settings")
    String probeSettings(@PathVariable UUID siteId, @RequestParam(defaultValue = "60") String sampleEverySeconds,
                         @RequestParam(defaultValue = "900") String throughputEverySeconds,
                         @RequestParam(required = false) String edgeHost, @RequestParam(required = false) String referenceHost,
                         @RequestParam(required = false) String emrEndpoints, @RequestParam(required = false) String emrTransaction,
                         @RequestParam(required = false) String guestAddresses, Model model, RedirectAttributes redirect,
                         HttpServletResponse response) {
        try {
            int sample = number("sampleEverySeconds", sampleEverySeconds, "Sample every: a whole number of seconds from 10 to 3,600.");
            int throughput = number("throughputEverySeconds", throughputEverySeconds, "Throughput every: a whole number of seconds from 60 to 86,400.");
            List<String> guests = guestAddresses == null || guestAddresses.isBlank() ? null : lines(guestAddresses);
            management.updateProbeSettings(Actors.current(), siteId, new ProbeSettings(0, sample, throughput, 0, edgeHost,
                    referenceHost, lines(emrEndpoints), lines(emrTransaction), guests, null, null));
            redirect.addFlashAttribute("notice", "Probe settings saved; agents pick them up at their next refresh.");
            return "redirect:/sites/" + siteId + "/agents";
        } catch (InvalidRequestException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            show(model, siteId, e.field(), e.getMessage());
            return "telemetry/agents";
        }
    }

    private void show(Model model, UUID siteId, String errorField, String error) {
        Actor me = Actors.current();
        SiteSummary site = management.managedSite(me, siteId);
        ZoneId zone = site.timeZone();
        model.addAttribute("nav", me.is(Role.MSP_ADMIN) ? "admin" : "agents");
        model.addAttribute("site", site);
        model.addAttribute("organizationName", directory.organizationName(site.organizationId()));
        model.addAttribute("codes", management.enrollmentCodes(me, siteId).stream().map(c -> new CodeRow(c.id(),
                c.label() == null ? "—" : c.label(), c.uses() + " of " + c.maxUses(), WHEN.format(c.expiresAt().atZone(zone)),
                stateLabel(c.state()), c.state() == EnrollmentCode.State.ACTIVE)).toList());
        model.addAttribute("segments", management.segments(me, siteId));
        model.addAttribute("purposes", SegmentPurpose.values());
        ProbeSettings p = management.probeSettings(me, siteId);
        model.addAttribute("probe", p);
        model.addAttribute("probeEmr", String.join("\n", p.emrEndpoints()));
        model.addAttribute("probeTransaction", String.join("\n", p.emrTransaction()));
        model.addAttribute("probeGuests", p.guestAddresses() == null ? "" : String.join("\n", p.guestAddresses()));
        model.addAttribute("devices", devices.bySite(siteId).stream().map(d -> new DeviceRow(d.hostname(),
                d.segmentName() == null ? "—" : d.segmentName(), d.localAddress() == null ? "—" : d.localAddress(),
                d.osName() == null ? "—" : d.osName() + (d.osVersion() == null ? "" : " " + d.osVersion()),
                WHEN.format(d.lastSeenAt().atZone(zone)), d.agentVersion() == null ? "—" : d.agentVersion(), d.retired())).toList());
        model.addAttribute("errorField", errorField);
        model.addAttribute("error", error);
    }

    record CodeRow(UUID id, String label, String uses, String expires, String state, boolean active) {
    }

    record DeviceRow(String hostname, String segment, String address, String os, String lastSeen, String agentVersion,
                     boolean retired) {
    }

    private static String stateLabel(EnrollmentCode.State s) {
        switch (s) {
            case ACTIVE:
                return "Active";
            case EXPIRED:
                return "Expired";
            case REVOKED:
                return "Revoked";
            default:
                return "Used up";
        }
    }

    private static int number(String field, String text, String message) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new InvalidRequestException(field, message);
        }
    }

    private static List<String> lines(String text) {
        if (text == null) return List.of();
        return Arrays.stream(text.split("[\\r\\n]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
