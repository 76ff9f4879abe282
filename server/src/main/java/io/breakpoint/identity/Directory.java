package io.breakpoint.identity;

import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.internal.IdentityStore;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.*;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** Read access to organizations, sites and people, always filtered by what the given actor may see. */
@Service
@Transactional(readOnly = true)
public class Directory {

    private final IdentityStore store;

    /**
     * Sites, organization names and default sites change rarely and are read for every ticket submitted;
     * they are remembered until an admin changes anything (IdentityChanged) and for at most a minute, so that
     * other instances' changes arrive too.
     */
    private final Map<Object, Remembered> places = new ConcurrentHashMap<>();
    private static final long REMEMBER_NANOS = Duration.ofMinutes(1).toNanos();

    private record Remembered(Object value, long until) {
    }

    Directory(IdentityStore store) {
        this.store = store;
    }

    private <T> T remembered(Object key, Supplier<T> load) {
        return remembered(key, REMEMBER_NANOS, load);
    }

    @SuppressWarnings("unchecked")
    private <T> T remembered(Object key, long rememberNanos, Supplier<T> load) {
        long now = System.nanoTime();
        Remembered r = places.get(key);
        if (r != null && r.until() - now > 0) return (T) r.value();
        T value = load.get();
        if (places.size() > 10_000) places.clear();
        places.put(key, new Remembered(value, now + rememberNanos));
        return value;
    }

    @EventListener
    void on(IdentityChanged event) {
        places.clear();
    }

    private record SiteKey(UUID id) {
    }

    private record OrganizationKey(UUID id) {
    }

    private record DefaultSiteKey(UUID userId) {
    }

    private record AccountHelpKey(UUID organizationId) {
    }

    public List<OrganizationSummary> organizations(Actor actor) {
        return store.clientOrganizations(actor.visibleOrganizations());
    }

    /** The organization, or 404 when it does not exist or the actor may not see it. */
    public OrganizationSummary organization(Actor actor, UUID id) {
        if (!actor.canSee(id)) throw new NotFoundException("Organization " + id);
        return store.organization(id).orElseThrow(() -> new NotFoundException("Organization " + id));
    }

    /** The organizations a report covers: one the actor may see (404 otherwise), or all they see when none is named. */
    public Set<UUID> reportScope(Actor actor, UUID organizationId) {
        if (organizationId == null) return actor.visibleOrganizations();
        organization(actor, organizationId);
        return Set.of(organizationId);
    }

    /** Sites the actor may see, optionally of one organization (404 when that organization is not visible). */
    public List<SiteSummary> sites(Actor actor, UUID organizationId) {
        if (organizationId != null) {
            organization(actor, organizationId);
            return store.sitesOf(List.of(organizationId));
        }
        return store.sitesOf(actor.visibleOrganizations());
    }

    /** A site the actor may see, or 404. */
    public SiteSummary site(Actor actor, UUID siteId) {
        return site(siteId).filter(s -> actor.canSee(s.organizationId()))
                .orElseThrow(() -> new NotFoundException("Site " + siteId));
    }

    /** The self-service steps the organization gives its staff for account problems, if it set any. */
    public Optional<String> accountHelp(UUID organizationId) {
        return remembered(new AccountHelpKey(organizationId), () -> store.accountHelp(organizationId));
    }

    /** The name of an organization, or null when there is none with this id. */
    public String organizationName(UUID organizationId) {
        Optional<OrganizationSummary> o = remembered(new OrganizationKey(organizationId), () -> store.organization(organizationId));
        return o.map(OrganizationSummary::name).orElse(null);
    }

    public Optional<SiteSummary> site(UUID siteId) {
        return remembered(new SiteKey(siteId), () -> store.site(siteId));
    }

    public ClinicCalendar calendar(UUID siteId) {
        SiteSummary site = store.site(siteId).orElseThrow(() -> new NotFoundException("Site " + siteId));
        return store.calendar(siteId, site.timeZone());
    }

    public Optional<PersonSummary> person(UUID id) {
        return store.person(id);
    }

    public Map<UUID, PersonSummary> people(Collection<UUID> ids) {
        Set<UUID> wanted = ids.stream().filter(Objects::nonNull).collect(Collectors.toSet());
        return store.people(wanted).stream().collect(Collectors.toMap(PersonSummary::id, Function.identity()));
    }

    /** People of the organizations the actor may see (for admin pages and assignment lists). */
    public List<PersonSummary> peopleOf(Actor actor, UUID organizationId) {
        organization(actor, organizationId);
        return store.peopleOf(List.of(organizationId));
    }

    /** People of every organization the actor may see, in one query (the admin's user list). */
    public List<PersonSummary> peopleOfVisibleOrganizations(Actor actor) {
        return store.peopleOf(actor.visibleOrganizations());
    }

    /** How many people each organization the actor may see has (0 when none). */
    public Map<UUID, Integer> headcounts(Actor actor) {
        Map<UUID, Integer> counts = store.headcounts(actor.visibleOrganizations());
        actor.visibleOrganizations().forEach(id -> counts.putIfAbsent(id, 0));
        return counts;
    }

    /** Who may work tickets of this organization: its own IT, the MSP engineers serving it, MSP admins. */
    public List<PersonSummary> deskStaffFor(UUID organizationId) {
        return store.deskStaffFor(organizationId);
    }

    /**
     * Who routing may consider for a ticket of this organization in this tier: the enabled engineers of that tier
     * who serve the organization, and the organization's own enabled INTERNAL_IT staff, each with their profile.
     * Routing still checks skill, shift and capacity.
     */
    public List<RoutingCandidate> routingCandidates(UUID organizationId, int tier) {
        // Remembered briefly: intake routes every new ticket with them. A change here clears them at once (IdentityChanged);
        // one made on another instance counts here within ROUTING_NANOS.
        return remembered(new RoutingKey(organizationId, tier), ROUTING_NANOS, () -> {
            List<PersonSummary> people = store.routingCandidates(organizationId, tier);
            Map<UUID, RoutingProfile> profiles = store.routingProfiles(people.stream().map(PersonSummary::id).toList());
            return people.stream()
                    .map(p -> new RoutingCandidate(p, profiles.getOrDefault(p.id(), RoutingProfile.none())))
                    .toList();
        });
    }

    private static final long ROUTING_NANOS = Duration.ofSeconds(10).toNanos();

    private record RoutingKey(UUID organizationId, int tier) {
    }

    private record InternalFirstKey(UUID organizationId) {
    }

    /**
     * The lead of a tier for this organization: an enabled engineer of that tier flagged as its lead who serves the
     * organization (the first by name when there are several); empty when there is none.
     */
    public Optional<PersonSummary> tierLead(UUID organizationId, int tier) {
        return store.tierLeads(organizationId, tier).stream().findFirst();
    }

    /** The categories a co-managed organization routes to its own IT staff before the MSP tiers (empty: none). */
    public Set<String> internalFirstCategories(UUID organizationId) {
        return remembered(new InternalFirstKey(organizationId), ROUTING_NANOS, () -> store.internalFirstCategories(organizationId));
    }

    /** The site a requester's tickets default to: their own site, else the first site of their organization. */
    public Optional<UUID> defaultSiteOf(UUID userId) {
        return remembered(new DefaultSiteKey(userId), () -> {
            PersonSummary p = store.person(userId).orElseThrow(() -> new NotFoundException("User " + userId));
            if (p.siteId() != null) return Optional.of(p.siteId());
            return store.sitesOf(List.of(p.organizationId())).stream().map(SiteSummary::id).findFirst();
        });
    }

    public Actor actorOf(UUID userId) {
        return store.person(userId).map(store::actorOf).orElseThrow(() -> new NotFoundException("User " + userId));
    }

    public Optional<Actor> actorByEmail(String email) {
        return store.accountByEmail(email).map(a -> store.actorOf(a.person()));
    }
}
