package io.breakpoint.tickets.web;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.OrganizationSummary;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketDesk;
import io.breakpoint.tickets.TicketFilter;
import io.breakpoint.tickets.TicketPage;
import io.breakpoint.tickets.TicketStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** What the console's queues and the organization list share: the filter choices and one page of rows. */
@Component
class TicketLists {

    record Option(String value, String label) {
    }

    record SiteGroup(String organization, List<Option> sites) {
    }

    private final TicketDesk desk;
    private final Directory directory;
    private final ClinicTime time;

    TicketLists(TicketDesk desk, Directory directory, ClinicTime time) {
        this.desk = desk;
        this.directory = directory;
        this.time = time;
    }

    /** Fills the model with the filters, the rows and the next-page link for {@code base} (e.g. "/console"). */
    void fill(Model model, Actor me, QueueQuery q, TicketFilter.Order order, String base, String link) {
        TicketPage page = desk.list(q.filter(me, order));
        Map<UUID, ZoneId> zones = time.zones(me);
        List<OrganizationSummary> orgs = directory.organizations(me).stream()
                .sorted(Comparator.comparing(OrganizationSummary::name)).toList();
        Map<UUID, String> orgNames = orgs.stream().collect(Collectors.toMap(OrganizationSummary::id, OrganizationSummary::name));
        List<SiteGroup> sites = directory.sites(me, null).stream()
                .filter(s -> q.org() == null || s.organizationId().equals(q.org()))
                .collect(Collectors.groupingBy(SiteSummary::organizationId)).entrySet().stream()
                .map(e -> new SiteGroup(orgNames.getOrDefault(e.getKey(), ""), e.getValue().stream()
                        .sorted(Comparator.comparing(SiteSummary::name))
                        .map(s -> new Option(s.id().toString(), s.name())).toList()))
                .sorted(Comparator.comparing(SiteGroup::organization)).toList();
        model.addAttribute("q", q);
        model.addAttribute("orgs", orgs.stream().map(o -> new Option(o.id().toString(), o.name())).toList());
        model.addAttribute("siteGroups", sites);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("rows", page.items().stream().map(t -> TicketRow.of(t, time, zones)).toList());
        model.addAttribute("next", page.nextCursor());
        model.addAttribute("nextUrl", page.nextCursor() == null ? null : q.url(base, page.nextCursor()));
        model.addAttribute("base", base);
        model.addAttribute("link", link);
        model.addAttribute("showOrg", orgs.size() > 1);
    }

    /** An htmx request for the list itself (filters, next page) gets only the list back; history restores get the page. */
    static boolean partial(String hxRequest, String hxHistoryRestore) {
        return hxRequest != null && hxHistoryRestore == null;
    }
}
