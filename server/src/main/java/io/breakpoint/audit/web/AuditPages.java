package io.breakpoint.audit.web;

import io.breakpoint.audit.AuditEvent;
import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.Channel;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.SiteSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.*;
import java.util.stream.Collectors;

/** The audit page: who read or changed what, when, from where; MSP admins and org admins only. */
@Controller
class AuditPages {

    static final int PAGE_SIZE = 50;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ENGLISH);

    private final AuditTrail audit;
    private final Directory directory;

    AuditPages(AuditTrail audit, Directory directory) {
        this.audit = audit;
        this.directory = directory;
    }

    /** The filters as typed; they go back into the form and into the "older" link unchanged. */
    record AuditFilter(String organizationId, String user, String ticketId, String from, String to, Long before) {
        AuditFilter {
            organizationId = blankToEmpty(organizationId);
            user = blankToEmpty(user);
            ticketId = blankToEmpty(ticketId);
            from = blankToEmpty(from);
            to = blankToEmpty(to);
        }
    }

    record EventRow(long id, String when, String who, String action, String channel, String address,
                    String organization, UUID ticketId, String ticketLabel, String detail) {
    }

    @GetMapping("/audit")
    String audit(@ModelAttribute AuditFilter filter, Model model) {
        Actor me = Actors.current();
        // AuditTrail enforces this too; checked first so nobody else gets as far as the filters.
        if (!me.is(Role.MSP_ADMIN) && !me.is(Role.ORG_ADMIN)) throw new AccessDeniedException("Admins only");
        boolean msp = me.is(Role.MSP_ADMIN);
        List<OrganizationSummary> orgs = directory.organizations(me);
        Map<String, String> errors = new LinkedHashMap<>();

        UUID org = msp ? uuid("organizationId", filter.organizationId(), errors) : null;
        UUID ticket = uuid("ticketId", filter.ticketId(), errors);
        ZoneId zone = displayZone(me, org);
        LocalDate from = date("from", filter.from(), errors);
        LocalDate to = date("to", filter.to(), errors);
        if (from != null && to != null && to.isBefore(from)) errors.put("to", "The end date is before the start date.");

        boolean unknownUser = false;
        UUID user = null;
        if (!filter.user().isEmpty()) {
            if (filter.user().contains("@")) {
                // An email that matches nobody simply finds nothing: the page does not say who has an account.
                Optional<Actor> a = directory.actorByEmail(filter.user());
                user = a.map(Actor::userId).orElse(null);
                unknownUser = a.isEmpty();
            } else {
                user = uuid("user", filter.user(), errors, "Enter an email address or a user id.");
            }
        }

        List<EventRow> rows = List.of();
        Long older = null;
        if (errors.isEmpty() && !unknownUser) {
            List<AuditEvent> events = audit.find(me, new AuditTrail.Query(ticket, user, org,
                    from == null ? null : from.atStartOfDay(zone).toInstant(),
                    to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant(),
                    filter.before(), PAGE_SIZE + 1));
            if (events.size() > PAGE_SIZE) {
                events = events.subList(0, PAGE_SIZE);
                older = events.get(PAGE_SIZE - 1).id();
            }
            Map<UUID, String> orgNames = orgs.stream().collect(Collectors.toMap(OrganizationSummary::id, OrganizationSummary::name));
            rows = events.stream().map(e -> row(e, zone, orgNames)).toList();
        }

        model.addAttribute("nav", "audit");
        model.addAttribute("filter", filter);
        model.addAttribute("errors", errors);
        model.addAttribute("msp", msp);
        model.addAttribute("organizations", orgs);
        model.addAttribute("zone", zone.getId());
        model.addAttribute("events", rows);
        model.addAttribute("older", older);
        return "audit/audit";
    }

    /** Times show in the zone of a site the reader knows: their own, their organization's, else UTC. */
    private ZoneId displayZone(Actor me, UUID organizationId) {
        UUID org = organizationId != null ? organizationId : me.is(Role.ORG_ADMIN) ? me.organizationId() : null;
        Optional<UUID> own = directory.person(me.userId()).map(PersonSummary::siteId);
        if (org == null) return ZoneOffset.UTC;
        if (own.isPresent() && me.organizationId().equals(org)) {
            Optional<SiteSummary> site = directory.site(own.get());
            if (site.isPresent()) return site.get().timeZone();
        }
        return directory.sites(me, org).stream().findFirst().map(s -> (ZoneId) s.timeZone()).orElse(ZoneOffset.UTC);
    }

    private static EventRow row(AuditEvent e, ZoneId zone, Map<UUID, String> orgNames) {
        String organization = e.organizationId() == null ? "MSP" : orgNames.getOrDefault(e.organizationId(), "");
        // Ticket events carry the ticket's reference as their detail; anything else shows the id's first digits.
        String ticketLabel = e.ticketId() == null ? null
                : e.detail() != null && e.detail().matches("[A-Z]+-\\d+") ? e.detail() : e.ticketId().toString().substring(0, 8);
        return new EventRow(e.id(), WHEN.format(e.at().atZone(zone)),
                e.actorEmail() == null ? "the desk (automatic)" : e.actorEmail(), AuditWords.action(e.action()),
                AuditWords.channel(e.channel()), e.remoteAddress() == null ? "" : e.remoteAddress(), organization,
                e.ticketId(), ticketLabel, e.detail() == null || e.detail().equals(ticketLabel) ? "" : e.detail());
    }

    private static UUID uuid(String field, String value, Map<String, String> errors) {
        return uuid(field, value, errors, "This is not an id; ids look like 3f2c1b8e-5d7a-4c1e-9b2f-0a6d4e8c7b21.");
    }

    private static UUID uuid(String field, String value, Map<String, String> errors, String message) {
        if (value.isEmpty()) return null;
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.put(field, message);
            return null;
        }
    }

    private static LocalDate date(String field, String value, Map<String, String> errors) {
        if (value.isEmpty()) return null;
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.put(field, "Use a date such as 2026-03-31.");
            return null;
        }
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.strip();
    }

}
