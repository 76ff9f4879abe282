package io.breakpoint.phi;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

/** Each organization's PHI policy; WARN until its admin chooses otherwise. */
@Service
public class PhiPolicies {

    public static final PhiPolicy DEFAULT = PhiPolicy.WARN;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PhiPolicies(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Remembered for a few seconds: every new ticket asks. A change made here applies at once; one made on another
     * instance within {@code REMEMBER_NANOS}.
     */
    public PhiPolicy policyOf(UUID organizationId) {
        long now = System.nanoTime();
        Remembered r = remembered.get(organizationId);
        if (r != null && r.until() - now > 0) return r.policy();
        PhiPolicy p = read(organizationId);
        if (remembered.size() > 10_000) remembered.clear();
        remembered.put(organizationId, new Remembered(p, now + REMEMBER_NANOS));
        return p;
    }

    private PhiPolicy read(UUID organizationId) {
        return jdbc.sql("select policy from phi_policies where organization_id = ?").param(organizationId)
                .query(String.class).optional().map(PhiPolicy::valueOf).orElse(DEFAULT);
    }

    private record Remembered(PhiPolicy policy, long until) {
    }

    private static final long REMEMBER_NANOS = java.time.Duration.ofSeconds(5).toNanos();
    private final java.util.Map<UUID, Remembered> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    /** The organization's admin, or the MSP admin for a client organization, sets the policy. Audited. */
    @PreAuthorize("hasAnyRole('ORG_ADMIN','MSP_ADMIN')")
    @Transactional
    public void change(Actor actor, UUID organizationId, PhiPolicy policy) {
        boolean own = actor.is(Role.ORG_ADMIN) && organizationId.equals(actor.organizationId());
        boolean client = actor.is(Role.MSP_ADMIN) && actor.canSee(organizationId);
        if (!own && !client) throw new NotFoundException("Organization " + organizationId);
        if (policy == null) throw new InvalidRequestException("policy", "Choose warn, redact or block.");
        PhiPolicy before = read(organizationId);
        int updated = jdbc.sql("update phi_policies set policy = ?, changed_at = ?, changed_by = ? where organization_id = ?")
                .params(policy.name(), Timestamp.from(clock.instant()), actor.userId(), organizationId).update();
        if (updated == 0) {
            jdbc.sql("insert into phi_policies (organization_id, policy, changed_at, changed_by) values (?,?,?,?)")
                    .params(organizationId, policy.name(), Timestamp.from(clock.instant()), actor.userId()).update();
        }
        audit.record(actor, "PHI_POLICY_CHANGED", organizationId, null, before + " -> " + policy);
        // Forgotten after the commit: a rolled-back change must not be what the next ticket is screened with.
        org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                new org.springframework.transaction.support.TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        remembered.remove(organizationId);
                    }
                });
    }
}
