package io.breakpoint.sla.internal;

import io.breakpoint.identity.ClinicCalendar;
import io.breakpoint.identity.Directory;
import io.breakpoint.sla.ServiceLevelPolicy;
import io.breakpoint.sla.SlaClock;
import io.breakpoint.sla.Target;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.ServiceLevels;
import org.springframework.stereotype.Component;

import java.time.*;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Computes a ticket's due times from the policy and its site's clinic calendar. Calendars are remembered for
 * a minute: intake must not read hours and holidays for every ticket.
 */
@Component
class ClinicServiceLevels implements ServiceLevels {

    private static final Duration REMEMBER = Duration.ofMinutes(1);

    private final Directory directory;
    private final PolicyStore policies;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
    private final java.time.Clock clock;
    private final Map<UUID, Remembered> calendars = new ConcurrentHashMap<>();

    private record Remembered(ClinicCalendar calendar, String siteName, Instant until) {
    }

    ClinicServiceLevels(Directory directory, PolicyStore policies, org.springframework.jdbc.core.simple.JdbcClient jdbc, java.time.Clock clock) {
        this.directory = directory;
        this.policies = policies;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Promise promise(UUID organizationId, UUID siteId, Priority priority, Instant clockStarts) {
        ServiceLevelPolicy policy = policies.policy(organizationId);
        Remembered site = calendar(siteId);
        ClinicClock clinic = new ClinicClock(site.calendar());
        Target fr = policy.firstResponse().get(priority);
        Target res = policy.resolution().get(priority);
        String basis = priority + ": first response " + fr.describe() + ", resolution " + res.describe()
                + (clinic.aroundTheClock() ? " (" + site.siteName() + " has no clinic hours set: counted around the clock)"
                : ", " + site.siteName() + " clinic hours");
        return new Promise(due(clinic, fr, clockStarts), due(clinic, res, clockStarts), basis);
    }

    /** The organization's target for this clock and priority. */
    Target target(UUID organizationId, SlaClock clock, Priority priority) {
        ServiceLevelPolicy policy = policies.policy(organizationId);
        return (clock == SlaClock.FIRST_RESPONSE ? policy.firstResponse() : policy.resolution()).get(priority);
    }

    /** Time as this ticket's target for the clock counts it, at its site. */
    TargetTime time(UUID organizationId, SlaClock clock, UUID siteId, Priority priority) {
        return new TargetTime(clinicClock(siteId), target(organizationId, clock, priority));
    }

    /** When the internal target of a tier that received a ticket of this priority at {@code receivedAt} falls due. */
    Instant tierDue(UUID organizationId, UUID siteId, Priority priority, int tier, Instant receivedAt) {
        return due(clinicClock(siteId), tierTarget(organizationId, priority, tier), receivedAt);
    }

    /** The organization's internal target for this tier and priority. */
    Target tierTarget(UUID organizationId, Priority priority, int tier) {
        return policies.policy(organizationId).tierTargets().get(priority).of(tier);
    }

    /** The organization's part of the policy for this priority. */
    ServiceLevelPolicy.Level level(UUID organizationId, Priority priority) {
        return policies.policy(organizationId).level(priority);
    }

    @Override
    public Instant tierTargetAt(UUID ticketId) {
        return jdbc.sql("select due_at from sla_tier_clocks where ticket_id = ?").param(ticketId)
                .query((rs, n) -> rs.getTimestamp(1).toInstant()).optional().orElse(null);
    }

    @Override
    public TierTarget tierTarget(UUID ticketId, UUID organizationId, Priority priority) {
        return jdbc.sql("select tier, due_at from sla_tier_clocks where ticket_id = ?").param(ticketId)
                .query((rs, n) -> new TierTarget(rs.getTimestamp(2).toInstant(),
                        tierTarget(organizationId, priority, rs.getInt(1)).describe()))
                .optional().orElse(null);
    }

    /** The clinic clock of the site (remembered like the promise's). */
    ClinicClock clinicClock(UUID siteId) {
        return new ClinicClock(calendar(siteId).calendar());
    }

    static Instant due(ClinicClock clinic, Target target, Instant start) {
        return switch (target.clock()) {
            case AROUND_THE_CLOCK -> start.plus(target.amount());
            case CLINIC_TIME -> clinic.plusClinicTime(start, target.amount());
            case END_OF_CLINIC_DAY -> clinic.endOfClinicDay(start);
            case CLINIC_DAYS -> clinic.plusClinicDays(start, target.clinicDays());
        };
    }

    private Remembered calendar(UUID siteId) {
        Instant now = clock.instant();
        Remembered r = siteId == null ? null : calendars.get(siteId);
        if (r != null && r.until().isAfter(now)) return r;
        if (siteId == null) {
            return new Remembered(new ClinicCalendar(ZoneOffset.UTC, Map.of(), Set.of()), "No site", now);
        }
        String name = directory.site(siteId).map(s -> s.name()).orElse("The site");
        Remembered fresh = new Remembered(directory.calendar(siteId), name, now.plus(REMEMBER));
        calendars.put(siteId, fresh);
        return fresh;
    }
}
