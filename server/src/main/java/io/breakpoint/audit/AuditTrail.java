package io.breakpoint.audit;

import io.breakpoint.common.Channel;
import io.breakpoint.audit.internal.ChainSealer;
import io.breakpoint.audit.internal.ChainVerifier;
import io.breakpoint.audit.internal.ChainWriter;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
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
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.*;

/**
 * Writes and reads the audit trail. {@link #record} joins the caller's transaction, so an audited change and
 * its audit row commit or roll back together. Channel and address come from the current request, if any.
 */
@Service
public class AuditTrail {

    /** An export larger than this asks for a shorter range instead of filling the server's memory. */
    static final int EXPORT_LIMIT = 100_000;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ChainWriter chain;
    private final ChainSealer sealer;
    private final ChainVerifier verifier;

    AuditTrail(JdbcClient jdbc, Clock clock, ChainWriter chain, ChainSealer sealer, ChainVerifier verifier) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.chain = chain;
        this.sealer = sealer;
        this.verifier = verifier;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Actor actor, String action, UUID organizationId, UUID ticketId, String detail) {
        // Sealed into the hash chain right after the caller's transaction commits (ChainWriter, ChainSealer).
        chain.append(prepare(actor, action, organizationId, ticketId, detail).entry);
    }

    /**
     * A record taken down now, on the thread of the request it belongs to (its channel and address), to be written
     * later with {@link #recordAll} in the transaction of the change, perhaps on another thread (ticket intake writes
     * many tickets in one transaction: decision 0026).
     */
    public Pending prepare(Actor actor, String action, UUID organizationId, UUID ticketId, String detail) {
        HttpServletRequest request = currentRequest();
        Channel channel = Channel.declared().orElse(null);
        if (channel == null) {
            channel = request == null ? Channel.SYS : request.getRequestURI().startsWith("/api/") ? Channel.API : Channel.UI;
        }
        return new Pending(new ChainWriter.Entry(clock.instant(), actor == null ? null : actor.userId(),
                actor == null ? null : actor.email(), organizationId, ticketId, action, channel.name(),
                request == null ? null : request.getRemoteAddr(), truncate(detail)));
    }

    /** An audit record taken down but not written yet. */
    public static final class Pending {
        private final ChainWriter.Entry entry;

        private Pending(ChainWriter.Entry entry) {
            this.entry = entry;
        }
    }

    /** Writes prepared records in the caller's transaction, with one batched statement; sealed after the commit. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(List<Pending> records) {
        if (!records.isEmpty()) chain.appendAll(records.stream().map(p -> p.entry).toList());
    }

    /**
     * Writes prepared records in the caller's transaction, with one batched statement, sealed into the chain as they
     * are written. The chain's lock is then held to the commit, and every other sealing waits for it: only for the
     * one transaction stream that commits many records at a time, last thing before its commit (intake's groups,
     * docs/decisions/0027).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAllSealed(List<Pending> records) {
        if (!records.isEmpty()) chain.appendAllSealed(records.stream().map(p -> p.entry).toList());
    }

    /**
     * Verifies the whole chain (it is global: one chain for every organization) and names the first broken or missing
     * link. The report holds places, ids and times, never record contents.
     */
    @PreAuthorize("hasAnyRole('MSP_ADMIN','ORG_ADMIN','VCIO')")
    public ChainReport verify(Actor actor) {
        sealer.sealPending();
        return verifier.verify();
    }

    /**
     * The records of [from, to) in chain order, with their hashes, for an auditor: MSP admins get every record (the
     * whole chain, which they can verify themselves), org admins their organization's only. The export is audited.
     */
    @PreAuthorize("hasAnyRole('MSP_ADMIN','ORG_ADMIN')")
    @Transactional
    public List<AuditRecord> export(Actor actor, Instant from, Instant to, String format) {
        if (from == null || to == null) throw new InvalidRequestException(from == null ? "from" : "to", "Give both ends of the range.");
        if (!to.isAfter(from)) throw new InvalidRequestException("to", "The end of the range must be after its start.");
        boolean msp = actor.is(Role.MSP_ADMIN);
        if (!msp && (!actor.is(Role.ORG_ADMIN) || actor.organizationId() == null)) throw new ForbiddenException("Only admins export the audit trail.");
        sealer.sealPending(); // the export carries every committed record with its hashes
        StringBuilder sql = new StringBuilder("""
                select seq, id, at, actor_id, actor_email, organization_id, ticket_id, action, channel, remote_address, detail,
                       prev_hash, hash
                from audit_events where seq is not null and at >= :from and at < :to""");
        Map<String, Object> params = new HashMap<>();
        params.put("from", OffsetDateTime.ofInstant(from, ZoneOffset.UTC));
        params.put("to", OffsetDateTime.ofInstant(to, ZoneOffset.UTC));
        if (!msp) {
            sql.append(" and organization_id = :org");
            params.put("org", actor.organizationId());
        }
        sql.append(" order by seq limit ").append(EXPORT_LIMIT + 1);
        List<AuditRecord> rows = jdbc.sql(sql.toString()).params(params).query((rs, n) -> new AuditRecord(
                rs.getLong("seq"), rs.getLong("id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
                rs.getObject("actor_id", UUID.class), rs.getString("actor_email"), rs.getObject("organization_id", UUID.class),
                rs.getObject("ticket_id", UUID.class), rs.getString("action"), rs.getString("channel"),
                rs.getString("remote_address"), rs.getString("detail"), rs.getString("prev_hash"), rs.getString("hash"))).list();
        if (rows.size() > EXPORT_LIMIT) {
            throw new InvalidRequestException("to", "More than " + EXPORT_LIMIT + " records in this range; export a shorter range.");
        }
        record(actor, "AUDIT_EXPORTED", msp ? null : actor.organizationId(), null,
                format + " " + from + " to " + to + ", " + rows.size() + " records" + (msp ? " (all organizations)" : ""));
        return rows;
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
