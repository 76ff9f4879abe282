package io.breakpoint.sla.internal;

import io.breakpoint.sla.BreachAction;
import io.breakpoint.sla.ServiceLevelPolicy;
import io.breakpoint.sla.Target;
import io.breakpoint.sla.TierTargets;
import io.breakpoint.tickets.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organizations' overrides of the default policy (table sla_policies). Intake reads the policy of every new
 * ticket, so each organization's is remembered for a minute; a change on this instance applies at once, on others
 * within that minute.
 */
@Component
public class PolicyStore {

    private static final Duration REMEMBER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Map<UUID, Remembered> policies = new ConcurrentHashMap<>();

    private record Remembered(ServiceLevelPolicy policy, Instant until) {
    }

    PolicyStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The organization's policy: the default with its overrides (the default alone for no organization). */
    public ServiceLevelPolicy policy(UUID organizationId) {
        if (organizationId == null) return ServiceLevelPolicy.DEFAULT;
        Instant now = clock.instant();
        Remembered r = policies.get(organizationId);
        if (r != null && r.until().isAfter(now)) return r.policy();
        ServiceLevelPolicy p = ServiceLevelPolicy.DEFAULT;
        for (Map.Entry<Priority, ServiceLevelPolicy.Level> e : overrides(organizationId).entrySet()) p = p.with(e.getKey(), e.getValue());
        policies.put(organizationId, new Remembered(p, now.plus(REMEMBER)));
        return p;
    }

    public Map<Priority, ServiceLevelPolicy.Level> overrides(UUID organizationId) {
        Map<Priority, ServiceLevelPolicy.Level> out = new EnumMap<>(Priority.class);
        jdbc.sql("select * from sla_policies where organization_id = ?").param(organizationId)
                .query((rs, n) -> out.put(Priority.valueOf(rs.getString("priority")), new ServiceLevelPolicy.Level(
                        target(rs, "first"), target(rs, "resolution"),
                        new TierTargets(target(rs, "tier"), target(rs, "tier2"), target(rs, "tier3")), BreachAction.valueOf(rs.getString("on_breach")))))
                .list();
        return out;
    }

    public void save(UUID organizationId, Priority priority, ServiceLevelPolicy.Level level) {
        TierTargets tier = level.tierTargets();
        jdbc.sql("delete from sla_policies where organization_id = ? and priority = ?").params(organizationId, priority.name()).update();
        jdbc.sql("""
                        insert into sla_policies (organization_id, priority, first_clock, first_minutes, first_days, resolution_clock,
                            resolution_minutes, resolution_days, tier_clock, tier_minutes, tier_days, tier2_clock, tier2_minutes,
                            tier2_days, tier3_clock, tier3_minutes, tier3_days, on_breach, updated_at)
                        values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(organizationId, priority.name(),
                        level.firstResponse().clock().name(), minutes(level.firstResponse()), level.firstResponse().clinicDays(),
                        level.resolution().clock().name(), minutes(level.resolution()), level.resolution().clinicDays(),
                        tier.tier1().clock().name(), minutes(tier.tier1()), tier.tier1().clinicDays(),
                        tier.tier2().clock().name(), minutes(tier.tier2()), tier.tier2().clinicDays(),
                        tier.tier3().clock().name(), minutes(tier.tier3()), tier.tier3().clinicDays(),
                        level.onBreach().name(), Timestamp.from(clock.instant()))
                .update();
        policies.remove(organizationId);
    }

    public void delete(UUID organizationId, Priority priority) {
        jdbc.sql("delete from sla_policies where organization_id = ? and priority = ?").params(organizationId, priority.name()).update();
        policies.remove(organizationId);
    }

    private static int minutes(Target t) {
        return t.amount() == null ? 0 : (int) t.amount().toMinutes();
    }

    private static Target target(ResultSet rs, String prefix) throws SQLException {
        return new Target(Target.Clock.valueOf(rs.getString(prefix + "_clock")), Duration.ofMinutes(rs.getInt(prefix + "_minutes")),
                rs.getInt(prefix + "_days"));
    }
}
