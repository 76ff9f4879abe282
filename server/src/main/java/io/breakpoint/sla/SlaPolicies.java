package io.breakpoint.sla;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.Role;
import io.breakpoint.sla.internal.PolicyStore;
import io.breakpoint.tickets.Priority;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Each organization's SLA policy: PRODUCT.md's defaults, with any priority overridden by the MSP admin. Desk staff
 * and the organization's admin may read it (they see the due times it produces); only the MSP admin changes it.
 * A change applies to tickets opened (or corrected, or escalated) afterwards, on every instance within a minute.
 */
@Service
@PreAuthorize("isAuthenticated()")
public class SlaPolicies {

    /** Longest target accepted, so a typo of minutes for seconds does not promise a year. */
    static final Duration MAX_TIME = Duration.ofDays(30);
    static final int MAX_DAYS = 60;

    private final PolicyStore store;
    private final Directory directory;
    private final AuditTrail audit;

    SlaPolicies(PolicyStore store, Directory directory, AuditTrail audit) {
        this.store = store;
        this.directory = directory;
        this.audit = audit;
    }

    /** One priority's level and whether the organization changed it from the default. */
    public record Row(Priority priority, ServiceLevelPolicy.Level level, boolean custom) {
    }

    @Transactional(readOnly = true)
    public List<Row> of(UUID organizationId) {
        Actor actor = Actors.current();
        directory.organization(actor, organizationId);
        if (!actor.role().isDeskStaff() && !actor.is(Role.ORG_ADMIN) && !actor.is(Role.VCIO)) {
            throw new ForbiddenException("Only desk staff and the organization's admin read its SLA policy.");
        }
        Map<Priority, ServiceLevelPolicy.Level> custom = store.overrides(organizationId);
        List<Row> rows = new ArrayList<>();
        for (Priority p : Priority.values()) {
            rows.add(new Row(p, custom.getOrDefault(p, ServiceLevelPolicy.DEFAULT.level(p)), custom.containsKey(p)));
        }
        return rows;
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    @Transactional
    public List<Row> change(UUID organizationId, Priority priority, ServiceLevelPolicy.Level level) {
        Actor actor = Actors.current();
        directory.organization(actor, organizationId);
        if (priority == null) throw new InvalidRequestException("priority", "Choose P1, P2, P3 or P4.");
        check("firstResponse", level.firstResponse(), false);
        check("resolution", level.resolution(), true);
        if (level.tierTargets() == null) throw new InvalidRequestException("tierTargets", "Give the target of each tier.");
        check("tierTargets.tier1", level.tierTargets().tier1(), false);
        check("tierTargets.tier2", level.tierTargets().tier2(), false);
        check("tierTargets.tier3", level.tierTargets().tier3(), false);
        if (level.onBreach() == null) throw new InvalidRequestException("onBreach", "Choose TIER_LEAD or UP_A_TIER.");
        store.save(organizationId, priority, level);
        audit.record(actor, "SLA_POLICY_CHANGED", organizationId, null, priority + ": first response " + level.firstResponse().describe()
                + ", resolution " + level.resolution().describe() + ", tier targets " + level.tierTargets().tier1().describe()
                + " / " + level.tierTargets().tier2().describe() + " / " + level.tierTargets().tier3().describe()
                + ", on breach " + level.onBreach());
        return of(organizationId);
    }

    @PreAuthorize("hasRole('MSP_ADMIN')")
    @Transactional
    public List<Row> reset(UUID organizationId, Priority priority) {
        Actor actor = Actors.current();
        directory.organization(actor, organizationId);
        store.delete(organizationId, priority);
        audit.record(actor, "SLA_POLICY_CHANGED", organizationId, null, priority + ": back to the default");
        return of(organizationId);
    }

    private static void check(String field, Target t, boolean endOfDayAllowed) {
        if (t == null || t.clock() == null) throw new InvalidRequestException(field, "Give the clock and the time.");
        switch (t.clock()) {
            case AROUND_THE_CLOCK, CLINIC_TIME -> {
                if (t.amount() == null || t.amount().toMinutes() < 1 || t.amount().compareTo(MAX_TIME) > 0) {
                    throw new InvalidRequestException(field, "Give from 1 minute to " + MAX_TIME.toDays() + " days, in minutes.");
                }
            }
            case CLINIC_DAYS -> {
                if (t.clinicDays() < 1 || t.clinicDays() > MAX_DAYS) {
                    throw new InvalidRequestException(field, "Give from 1 to " + MAX_DAYS + " clinic days.");
                }
            }
            case END_OF_CLINIC_DAY -> {
                if (!endOfDayAllowed) throw new InvalidRequestException(field, "End of the clinic day is a resolution target only.");
            }
        }
    }
}
