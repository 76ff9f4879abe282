package io.breakpoint.audit;

import io.breakpoint.common.Channel;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.IdentityChanged;
import io.breakpoint.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.*;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction, so an audited change and
 * its audit row commit or roll back together. Channel and address come from the current request, if any.
 */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, UUID organizationId, UUID ticketId, String detail) {
        HttpServletRequest request = currentRequest();
        Channel channel = Channel.declared().orElse(null);
        if (channel == null) {
            channel = request == null ? Channel.SYS : request.getRequestURI().startsWith("/api/") ? Channel.API : Channel.UI;
        }
        jdbc.sql("""
                        insert into audit_events (at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address, detail)
                        values (?,?,?,?,?,?,?,?,?)""")
                .params(Timestamp.from(clock.instant()), actor == null ? null : actor.userId(),
                        actor == null ? null : actor.email(), organizationId, ticketId, action, channel.name(),
                        request == null ? null : request.getRemoteAddr(), truncate(detail))
                .update();
    }

    @EventListener
    void on(IdentityChanged event) {
        record(event.by(), event.action(), event.organizationId(), null, event.detail());
    }

    public record Query(UUID ticketId, UUID userId, UUID organizationId, Instant from, Instant to, Long before, int limit) {
    }

    /**
     * Audit events the actor may read, newest first. MSP admins read their client organizations and the MSP's
     * own events; org admins read their organization's only.
     */
    @PreAuthorize("hasAnyRole('MSP_ADMIN','ORG_ADMIN')")
    @Transactional(readOnly = true)
    public List<AuditEvent> find(Actor actor, Query q) {
        Set<UUID> orgs = new HashSet<>(actor.visibleOrganizations());
        if (q.organizationId() != null) {
            orgs = actor.canSee(q.organizationId()) ? Set.of(q.organizationId()) : Set.of();
        }
        if (!actor.is(Role.MSP_ADMIN) && !actor.is(Role.ORG_ADMIN)) throw new ForbiddenException("Only admins read the audit trail.");
        boolean includeMspEvents = actor.is(Role.MSP_ADMIN) && q.organizationId() == null;
        if (orgs.isEmpty() && !includeMspEvents) return List.of();

        StringBuilder sql = new StringBuilder("""
                select id, at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address, detail
                from audit_events where (""");
        Map<String, Object> params = new HashMap<>();
        if (!orgs.isEmpty()) {
            sql.append("organization_id in (:orgs)");
            params.put("orgs", orgs);
        } else {
            sql.append("1 = 0");
        }
        if (includeMspEvents) sql.append(" or organization_id is null");
        sql.append(")");
        if (q.ticketId() != null) { sql.append(" and ticket_id = :ticket"); params.put("ticket", q.ticketId()); }
        if (q.userId() != null) { sql.append(" and actor_id = :user"); params.put("user", q.userId()); }
        if (q.from() != null) { sql.append(" and at >= :from"); params.put("from", Timestamp.from(q.from())); }
        if (q.to() != null) { sql.append(" and at < :to"); params.put("to", Timestamp.from(q.to())); }
        if (q.before() != null) { sql.append(" and id < :before"); params.put("before", q.before()); }
        sql.append(" order by id desc limit ").append(Math.max(1, Math.min(q.limit(), 500)));
        return jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditEvent(
                rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getObject("actor_id", UUID.class),
                rs.getString("actor_email"), rs.getObject("organization_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("action"), Channel.valueOf(rs.getString("channel")),
                rs.getString("remote_address"), rs.getString("detail"))).list();
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a ? a.getRequest() : null;
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
    }
}
