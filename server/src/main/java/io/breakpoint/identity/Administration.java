package io.breakpoint.identity;

import io.breakpoint.common.ConflictException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.internal.ActorCache;
import io.breakpoint.identity.internal.IdentityStore;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.TextStyle;
import java.util.*;
import java.util.regex.Pattern;

/** What MSP admins do to tenants, sites and people. Bootstrap creates the very first admin of an install. */
@Service
@Transactional
public class Administration {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{2,}$");
    static final int MIN_PASSWORD = 12;

    private final IdentityStore store;
    private final ActorCache actors;
    private final PasswordEncoder passwords;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Administration(IdentityStore store, ActorCache actors, PasswordEncoder passwords, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.actors = actors;
        this.passwords = passwords;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Creates the MSP and its first admin on an install that has no MSP admin yet; refuses otherwise, so the
     * command cannot be used to add a second admin behind the first one's back.
     */
    public UUID bootstrap(String mspName, String email, String displayName, String password) {
        if (store.anyUserWithRole(Role.MSP_ADMIN)) {
            throw new ConflictException("An MSP admin already exists; sign in as them to add people.");
        }
        checkEmail(email);
        checkPassword(password);
        UUID msp = store.mspId().orElseGet(() -> store.insertOrganization("MSP", null, required("mspName", mspName, 200),
                false, clock.instant()));
        UUID id = store.insertUser(msp, email, required("displayName", displayName, 200), Role.MSP_ADMIN, null,
                passwords.encode(password), clock.instant());
        changed(null, "USER_CREATED", msp, "first MSP admin " + email.toLowerCase(Locale.ROOT));
        return id;
    }

    public boolean hasAnyUser() {
        return store.userCount() > 0;
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public UUID createOrganization(String name, boolean coManaged) {
        String n = required("name", name, 200);
        if (store.organizationByName(n).isPresent()) {
            throw new InvalidRequestException("name", "An organization named \"" + n + "\" already exists.");
        }
        UUID msp = Actors.current().organizationId();
        UUID id = store.insertOrganization("CLIENT", msp, n, coManaged, clock.instant());
        changed(Actors.current(), "ORGANIZATION_CREATED", id, n);
        return id;
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void updateOrganization(UUID id, String name, boolean coManaged) {
        visibleOrganization(id);
        String n = required("name", name, 200);
        store.organizationByName(n).filter(o -> !o.id().equals(id)).ifPresent(o -> {
            throw new InvalidRequestException("name", "An organization named \"" + n + "\" already exists.");
        });
        store.renameOrganization(id, n, coManaged);
        changed(Actors.current(), "ORGANIZATION_CHANGED", id, n);
    }

    /**
     * Sets the self-service steps quoted to staff who report an account problem (empty clears them). MSP admins
     * for any client organization, practice managers for their own.
     */
    @PreAuthorize("hasAnyRole('MSP_ADMIN','ORG_ADMIN')")
    public void setAccountHelp(UUID organizationId, String text) {
        Actor actor = Actors.current();
        if (actor.is(Role.ORG_ADMIN)) {
            if (!actor.organizationId().equals(organizationId)) throw new NotFoundException("Organization " + organizationId);
        } else {
            visibleOrganization(organizationId);
        }
        String t = text == null || text.isBlank() ? null : text.strip();
        if (t != null && t.length() > 2000) throw new InvalidRequestException("accountHelp", "At most 2000 characters.");
        store.setAccountHelp(organizationId, t);
        changed(actor, "ACCOUNT_HELP_CHANGED", organizationId, t == null ? "cleared" : t.length() + " characters");
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public UUID createSite(UUID organizationId, String name, String timeZone,
                           Map<DayOfWeek, ClinicCalendar.Hours> hours, Map<LocalDate, String> holidays) {
        visibleOrganization(organizationId);
        String n = required("name", name, 200);
        ZoneId zone = zone(timeZone);
        if (store.sitesOf(List.of(organizationId)).stream().anyMatch(s -> s.name().equalsIgnoreCase(n))) {
            throw new InvalidRequestException("name", "This organization already has a site named \"" + n + "\".");
        }
        checkHours(hours);
        UUID id = store.insertSite(organizationId, n, zone, clock.instant());
        store.replaceHours(id, hours);
        store.replaceHolidays(id, holidays);
        changed(Actors.current(), "SITE_CREATED", organizationId, n);
        return id;
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void updateSite(UUID siteId, String name, String timeZone,
                           Map<DayOfWeek, ClinicCalendar.Hours> hours, Map<LocalDate, String> holidays) {
        SiteSummary site = store.site(siteId).orElseThrow(() -> new NotFoundException("Site " + siteId));
        visibleOrganization(site.organizationId());
        String n = required("name", name, 200);
        ZoneId zone = zone(timeZone);
        if (store.sitesOf(List.of(site.organizationId())).stream()
                .anyMatch(s -> !s.id().equals(siteId) && s.name().equalsIgnoreCase(n))) {
            throw new InvalidRequestException("name", "This organization already has a site named \"" + n + "\".");
        }
        checkHours(hours);
        store.updateSite(siteId, n, zone);
        store.replaceHours(siteId, hours);
        store.replaceHolidays(siteId, holidays);
        changed(Actors.current(), "SITE_CHANGED", site.organizationId(), n);
    }

    public Map<LocalDate, String> holidays(UUID siteId) {
        return store.holidays(siteId);
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public UUID createPerson(NewPerson p) {
        Actor admin = Actors.current();
        checkEmail(p.email());
        checkPassword(p.password());
        if (p.role() == null) throw new InvalidRequestException("role", "Choose a role.");
        if (store.accountByEmail(p.email()).isPresent()) {
            throw new InvalidRequestException("email", "Someone with this email address already exists.");
        }
        UUID org;
        Set<UUID> served = Set.of();
        if (p.role().isMspRole()) {
            org = admin.organizationId();
            if (p.role() != Role.MSP_ADMIN) {
                served = p.servedOrganizations() == null ? Set.of() : p.servedOrganizations();
                served.forEach(this::visibleOrganization);
            }
        } else {
            if (p.organizationId() == null) {
                throw new InvalidRequestException("organizationId", "Choose the organization this person works for.");
            }
            org = visibleOrganization(p.organizationId());
        }
        UUID site = p.siteId();
        if (site != null) {
            SiteSummary s = store.site(site).orElseThrow(() -> new InvalidRequestException("siteId", "Unknown site."));
            if (!s.organizationId().equals(org)) {
                throw new InvalidRequestException("siteId", "The site belongs to another organization.");
            }
        }
        UUID id = store.insertUser(org, p.email(), required("displayName", p.displayName(), 200), p.role(), site,
                passwords.encode(p.password()), clock.instant());
        store.replaceServedOrganizations(id, served);
        changed(admin, "USER_CREATED", p.role().isMspRole() ? null : org,
                p.email().toLowerCase(Locale.ROOT) + " as " + p.role());
        return id;
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void updatePerson(UUID id, String displayName, Role role, UUID siteId, boolean enabled,
                             Set<UUID> servedOrganizations) {
        PersonSummary p = person(id);
        if (role == null) throw new InvalidRequestException("role", "Choose a role.");
        // An admin who demotes or disables themselves could leave the install without anyone to undo it.
        if (id.equals(Actors.current().userId()) && (role != p.role() || !enabled)) {
            throw new InvalidRequestException(role != p.role() ? "role" : "enabled",
                    "You cannot change your own role or disable your own account; ask another MSP admin.");
        }
        if (role.isMspRole() != p.role().isMspRole()) {
            throw new InvalidRequestException("role", "A person cannot move between the MSP and a client organization; create a new account.");
        }
        if (siteId != null && store.site(siteId).filter(s -> s.organizationId().equals(p.organizationId())).isEmpty()) {
            throw new InvalidRequestException("siteId", "The site belongs to another organization.");
        }
        Set<UUID> served = servedOrganizations == null ? Set.of() : servedOrganizations;
        served.forEach(this::visibleOrganization);
        store.updateUser(id, required("displayName", displayName, 200), role, siteId, enabled);
        if (role.isMspRole()) store.replaceServedOrganizations(id, role == Role.MSP_ADMIN ? Set.of() : served);
        changed(Actors.current(), "USER_CHANGED", p.role().isMspRole() ? null : p.organizationId(),
                p.email() + ": " + role + (enabled ? "" : ", disabled"));
    }

    /** Flags a Tier 1–3 engineer as a lead of their tier (or not): SLA breaches may escalate to them. */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void setTierLead(UUID id, boolean lead) {
        PersonSummary p = person(id);
        if (p.role().tier() == null) throw new InvalidRequestException("tierLead", "Only Tier 1–3 engineers lead a tier.");
        store.setTierLead(id, lead);
        changed(Actors.current(), "USER_CHANGED", null, p.email() + (lead ? ": lead of Tier " : ": no longer lead of Tier ") + p.role().tier());
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public boolean isTierLead(UUID id) {
        person(id);
        return store.isTierLead(id);
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void setPassword(UUID id, String password) {
        PersonSummary p = person(id);
        checkPassword(password);
        store.updatePassword(id, passwords.encode(password));
        changed(Actors.current(), "PASSWORD_SET", p.role().isMspRole() ? null : p.organizationId(), p.email());
    }

    /** A person the current admin may manage (their MSP's staff or people of client organizations they see). */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    public PersonSummary person(UUID id) {
        Actor admin = Actors.current();
        return store.person(id)
                .filter(p -> p.organizationId().equals(admin.organizationId())
                        || store.clientOrganizationOf(admin.organizationId(), p.organizationId()).isPresent())
                .orElseThrow(() -> new NotFoundException("User " + id));
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public List<PersonSummary> mspStaff() {
        return store.peopleOf(List.of(Actors.current().organizationId()));
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public Set<UUID> servedOrganizations(UUID userId) {
        person(userId);
        return store.servedOrganizations(userId);
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public RoutingProfile routingProfile(UUID userId) {
        person(userId);
        return store.routingProfiles(List.of(userId)).getOrDefault(userId, RoutingProfile.none());
    }

    /**
     * Sets what automatic routing needs about a person who works tickets: skills (category names), the weekly
     * shifts in one time zone, and the capacity (most open tickets assigned at once).
     */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void updateRoutingProfile(UUID userId, Collection<String> skills, String timeZone,
                                     Map<DayOfWeek, RoutingProfile.Shift> shifts, Integer capacity) {
        PersonSummary p = person(userId);
        if (p.role().tier() == null && p.role() != Role.INTERNAL_IT) {
            throw new InvalidRequestException("skills", "Only Tier 1–3 engineers and clinic IT staff are routed tickets.");
        }
        Set<String> categories = categories("skills", skills);
        ZoneId zone = zone(timeZone);
        if (capacity == null || capacity < 0 || capacity > RoutingProfile.MAX_CAPACITY) {
            throw new InvalidRequestException("capacity", "Give a number of open tickets from 0 to " + RoutingProfile.MAX_CAPACITY + ".");
        }
        store.replaceRoutingProfile(userId, new RoutingProfile(categories, zone, shifts == null ? Map.of() : shifts, capacity));
        changed(Actors.current(), "ROUTING_PROFILE_CHANGED", p.role().isMspRole() ? null : p.organizationId(),
                p.email() + ": " + categories.size() + " skills, " + (shifts == null ? 0 : shifts.size())
                        + " shift days, capacity " + capacity);
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    public Set<String> internalFirstCategories(UUID organizationId) {
        visibleOrganization(organizationId);
        return store.internalFirstCategories(organizationId);
    }

    /** The categories a co-managed organization routes to its own IT staff first; only co-managed ones may. */
    @PreAuthorize("hasRole('MSP_ADMIN')")
    public void updateInternalFirstCategories(UUID organizationId, Collection<String> categories) {
        visibleOrganization(organizationId);
        Set<String> chosen = categories("internalFirst", categories);
        OrganizationSummary org = store.organization(organizationId).orElseThrow();
        if (!chosen.isEmpty() && !org.coManaged()) {
            throw new InvalidRequestException("internalFirst",
                    org.name() + " has no IT staff of its own (it is not co-managed); mark it co-managed first.");
        }
        store.replaceInternalFirstCategories(organizationId, chosen);
        changed(Actors.current(), "ROUTING_POLICY_CHANGED", organizationId,
                org.name() + ": clinic IT first for " + (chosen.isEmpty() ? "no category" : String.join(", ", new TreeSet<>(chosen))));
    }

    private static Set<String> categories(String field, Collection<String> names) {
        Set<String> out = new LinkedHashSet<>();
        if (names == null) return out;
        for (String n : names) {
            if (n == null || n.isBlank()) continue;
            String c = n.strip();
            if (!RoutingProfile.CATEGORIES.contains(c)) {
                throw new InvalidRequestException(field, "Unknown category \"" + c + "\"; choose from the list.");
            }
            out.add(c);
        }
        return out;
    }

    private void changed(Actor by, String action, UUID organizationId, String detail) {
        actors.clear();
        events.publishEvent(new IdentityChanged(by, action, organizationId, detail));
    }

    /** A client organization of the admin's MSP (read now: the actor may predate an organization just created). */
    private UUID visibleOrganization(UUID id) {
        UUID msp = Actors.current().organizationId();
        store.clientOrganizationOf(msp, id).orElseThrow(() -> new NotFoundException("Organization " + id));
        return id;
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) throw new InvalidRequestException(field, "This field is required.");
        String v = value.strip();
        if (v.length() > max) throw new InvalidRequestException(field, "At most " + max + " characters.");
        return v;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(required("timeZone", timeZone, 64));
        } catch (DateTimeException e) {
            throw new InvalidRequestException("timeZone", "Unknown time zone \"" + timeZone + "\"; use a name such as America/Chicago.");
        }
    }

    private static void checkHours(Map<DayOfWeek, ClinicCalendar.Hours> hours) {
        hours.forEach((day, h) -> {
            if (!h.opens().isBefore(h.closes())) {
                throw new InvalidRequestException("hours", "On " + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                        + " the clinic must open before it closes.");
            }
        });
    }

    static void checkEmail(String email) {
        if (email == null || !EMAIL.matcher(email.strip()).matches() || email.length() > 254) {
            throw new InvalidRequestException("email", "Enter a valid email address.");
        }
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new InvalidRequestException("password", "Use at least " + MIN_PASSWORD + " characters.");
        }
        // BCrypt reads at most 72 bytes and Spring Security refuses longer input (a 500 before the hostile-input suite).
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw new InvalidRequestException("password", "At most 72 characters (fewer with accents or symbols).");
        }
        if (io.breakpoint.identity.internal.CommonPasswords.isCommon(password)) {
            throw new InvalidRequestException("password",
                    "This password is on the list of common or breached passwords; choose a phrase of your own.");
        }
    }
}
