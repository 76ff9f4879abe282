package io.breakpoint.tickets.internal;

import io.breakpoint.common.ConflictException;
import io.breakpoint.tickets.*;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.*;

/** Reads and writes tickets and their history. Entries are only ever appended. */
@Repository
public class TicketStore {

    private static final String COLUMNS = """
            id, number, organization_id, site_id, requester_id, subject, description, impact, status, tier, category,
            priority, assignee_id, ever_assigned, reassignments, created_at, updated_at, first_response_at, resolved_at,
            closed_at, idempotency_key, version, first_response_due_at, resolution_due_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TicketStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * The next ticket number. Numbers are taken from the sequence a block at a time (one statement per
     * {@value #NUMBER_BLOCK} tickets instead of one each): unique across instances, but the numbers of a block an
     * instance did not use before it stopped are skipped, and two instances' tickets interleave (decision 0026).
     */
    public long nextNumber() {
        synchronized (numbers) {
            if (numbers.isEmpty()) {
                numbers.addAll(jdbc.sql("select nextval('ticket_number_seq') from generate_series(1, " + NUMBER_BLOCK + ")")
                        .query(Long.class).list().stream().sorted().toList());
            }
            return numbers.removeFirst();
        }
    }

    private static final int NUMBER_BLOCK = 32;
    private final Deque<Long> numbers = new ArrayDeque<>();

    public void insert(Ticket t) {
        insertAll(List.of(t));
        t.entriesWritten();
    }

    /**
     * Writes new tickets and their first entries with one batched statement each. The entries stay pending in the
     * tickets until {@link #written} (after the commit), so a batch that rolls back can be written again.
     */
    public void insertAll(List<Ticket> tickets) {
        template.batchUpdate("insert into tickets (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                tickets, tickets.size(), (ps, t) -> {
                    Object[] values = {t.id, t.number, t.organizationId, t.siteId, t.requesterId, t.subject, t.description,
                            name(t.impact), t.status.name(), t.tier, name(t.category), t.priority.name(), t.assigneeId,
                            t.everAssigned, t.reassignments, ts(t.createdAt), ts(t.updatedAt), ts(t.firstResponseAt),
                            ts(t.resolvedAt), ts(t.closedAt), t.idempotencyKey, t.version, ts(t.firstResponseDueAt),
                            ts(t.resolutionDueAt)};
                    for (int i = 0; i < values.length; i++) {
                        StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
                    }
                });
        List<Map.Entry<Ticket, Ticket.Entry>> entries = new ArrayList<>();
        tickets.forEach(t -> t.newEntries().forEach(e -> entries.add(Map.entry(t, e))));
        writeEntries(entries);
    }

    /** The tickets' pending entries are in the database (their transaction committed). */
    public void written(List<Ticket> tickets) {
        tickets.forEach(Ticket::entriesWritten);
    }

    /** Writes the changed ticket if nobody else changed it since it was read; then its new entries. */
    public void update(Ticket t) {
        int n = jdbc.sql("""
                        update tickets set status = ?, tier = ?, category = ?, priority = ?, assignee_id = ?, ever_assigned = ?,
                          reassignments = ?, updated_at = ?, first_response_at = ?, resolved_at = ?, closed_at = ?, version = ?,
                          first_response_due_at = ?, resolution_due_at = ?
                        where id = ? and version = ?""")
                .params(t.status.name(), t.tier, name(t.category), t.priority.name(), t.assigneeId, t.everAssigned,
                        t.reassignments, ts(t.updatedAt), ts(t.firstResponseAt), ts(t.resolvedAt), ts(t.closedAt),
                        t.version + 1, ts(t.firstResponseDueAt), ts(t.resolutionDueAt), t.id, t.version)
                .update();
        if (n == 0) {
            throw new ConflictException("Ticket " + t.reference() + " was changed by someone else meanwhile; reload it and try again.");
        }
        t.version++;
        appendEntries(t);
    }

    /**
     * Writes only the ticket's new history entries, leaving the ticket row and its version alone: for the desk's
     * notes, which change nothing a person works with and must not make their next change a conflict.
     */
    public void appendHistory(Ticket t) {
        appendEntries(t);
    }

    /** Appends the new entries of several tickets with one batched statement. */
    public void appendHistoryAll(List<Ticket> tickets) {
        List<Map.Entry<Ticket, Ticket.Entry>> entries = new ArrayList<>();
        tickets.forEach(t -> t.newEntries().forEach(e -> entries.add(Map.entry(t, e))));
        writeEntries(entries);
        tickets.forEach(Ticket::entriesWritten);
    }

    private void appendEntries(Ticket t) {
        List<Map.Entry<Ticket, Ticket.Entry>> entries = new ArrayList<>();
        t.newEntries().forEach(e -> entries.add(Map.entry(t, e)));
        writeEntries(entries);
        t.entriesWritten();
    }

    private void writeEntries(List<Map.Entry<Ticket, Ticket.Entry>> entries) {
        if (entries.isEmpty()) return;
        template.batchUpdate("""
                        insert into ticket_entries (ticket_id, at, actor_id, kind, visibility, body, from_status, to_status,
                          from_tier, to_tier, assignee_id) values (?,?,?,?,?,?,?,?,?,?,?)""",
                entries, entries.size(), (ps, te) -> {
                    Ticket.Entry e = te.getValue();
                    ps.setObject(1, te.getKey().id);
                    ps.setTimestamp(2, ts(e.at()));
                    ps.setObject(3, e.actorId());
                    ps.setString(4, e.kind().name());
                    ps.setString(5, e.visibility().name());
                    ps.setString(6, e.body());
                    ps.setString(7, name(e.fromStatus()));
                    ps.setString(8, name(e.toStatus()));
                    if (e.fromTier() == null) ps.setNull(9, Types.SMALLINT); else ps.setInt(9, e.fromTier());
                    if (e.toTier() == null) ps.setNull(10, Types.SMALLINT); else ps.setInt(10, e.toTier());
                    ps.setObject(11, e.assigneeId());
                });
    }

    private static final List<String> CLOSED = EnumSet.complementOf(EnumSet.copyOf(TicketStatus.OPEN))
            .stream().map(Enum::name).toList();

    /** Open tickets assigned to each of these people (0 for those with none). */
    public Map<UUID, Integer> openAssigned(Collection<UUID> assignees) {
        Map<UUID, Integer> out = new HashMap<>();
        if (assignees.isEmpty()) return out;
        assignees.forEach(a -> out.put(a, 0));
        // "Not closed" rather than "open": with the open statuses spelt out, PostgreSQL's generic plan may also read the
        // status index, i.e. every open ticket of the desk, where an assignee's own few are all it needs.
        jdbc.sql("select assignee_id, count(*) from tickets where assignee_id in (:who) and status not in (:closed) group by assignee_id")
                .param("who", assignees)
                .param("closed", CLOSED)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
        return out;
    }

    /** Tickets of one tier queue of one organization waiting with nobody assigned, most urgent and oldest first. */
    public List<UUID> queued(UUID organizationId, int tier, int limit) {
        return jdbc.sql("""
                        select id from tickets where tier = ? and organization_id = ? and status = 'TRIAGED' and assignee_id is null
                        order by priority, created_at, id limit ?""")
                .params(tier, organizationId, limit).query(UUID.class).list();
    }

    /** The tier queues (organization, tier) that have a ticket waiting with nobody assigned; of one organization if given. */
    public List<Map.Entry<UUID, Integer>> queuesWithUnassigned(UUID organizationId) {
        return jdbc.sql("select distinct organization_id, tier from tickets where status = 'TRIAGED' and assignee_id is null"
                        + (organizationId == null ? "" : " and organization_id = :org"))
                .paramSource(organizationId == null ? Map.of() : Map.of("org", organizationId))
                .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2)))
                .list();
    }

    public Optional<Ticket> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from tickets where id = ?").param(id).query(TICKET).optional();
    }

    /** Tickets with these ids (those that exist). */
    public List<Ticket> findAll(Collection<UUID> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from tickets where id in (:ids)").param("ids", ids).query(TICKET).list();
    }

    /** Open tickets of one organization and category opened at or after {@code since}, oldest first (major incidents). */
    public List<Ticket> openOfKindSince(UUID organizationId, Category category, Instant since) {
        return jdbc.sql("select " + COLUMNS + " from tickets where organization_id = :org and category = :category"
                        + " and created_at >= :since and status in (:open) order by created_at, id")
                .param("org", organizationId).param("category", category.name()).param("since", ts(since))
                .param("open", TicketStatus.OPEN.stream().map(Enum::name).toList())
                .query(TICKET).list();
    }

    public Optional<Ticket> findByIdempotencyKey(UUID requesterId, String key) {
        return jdbc.sql("select " + COLUMNS + " from tickets where requester_id = ? and idempotency_key = ?")
                .params(requesterId, key).query(TICKET).optional();
    }

    public List<EntryView> entries(UUID ticketId, boolean includeInternal) {
        return jdbc.sql("""
                        select id, at, actor_id, kind, visibility, body, from_status, to_status, from_tier, to_tier, assignee_id
                        from ticket_entries where ticket_id = ?""" + (includeInternal ? "" : " and visibility = 'PUBLIC'")
                        + " order by id")
                .param(ticketId)
                .query((rs, n) -> new EntryView(rs.getLong("id"), rs.getTimestamp("at").toInstant(),
                        rs.getObject("actor_id", UUID.class), EntryKind.valueOf(rs.getString("kind")),
                        Visibility.valueOf(rs.getString("visibility")), rs.getString("body"),
                        status(rs.getString("from_status")), status(rs.getString("to_status")),
                        tier(rs, "from_tier"), tier(rs, "to_tier"), rs.getObject("assignee_id", UUID.class), null, null))
                .list();
    }

    /** One page of tickets in the filter's order, after the cursor. */
    public List<Ticket> list(TicketFilter f, Set<UUID> organizations, UUID onlyRequester, int limit) {
        if (organizations.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder(" from tickets where organization_id in (:orgs)");
        Map<String, Object> p = new HashMap<>();
        p.put("orgs", organizations);
        if (onlyRequester != null) { sql.append(" and requester_id = :requester"); p.put("requester", onlyRequester); }
        List<String> statuses = f.statuses() == null ? List.of() : f.statuses().stream().map(Enum::name).sorted().toList();
        // A queue of several statuses reads one ordered index range per status (tickets_queue_open_idx) and merges
        // them; one "status in (...)" scan instead fetches every open ticket of the queue to sort them, or lets
        // PostgreSQL walk years of closed history in created_at order (V4 migration, bench/RESULTS.md).
        boolean perStatus = f.order() == TicketFilter.Order.QUEUE && statuses.size() > 1;
        if (!statuses.isEmpty() && !perStatus) {
            sql.append(" and status in (:statuses)");
            p.put("statuses", statuses);
        }
        if (f.tier() != null) { sql.append(" and tier = :tier"); p.put("tier", f.tier()); }
        if (f.priority() != null) { sql.append(" and priority = :priority"); p.put("priority", f.priority().name()); }
        if (f.siteId() != null) { sql.append(" and site_id = :site"); p.put("site", f.siteId()); }
        if (f.assigneeId() != null) { sql.append(" and assignee_id = :assignee"); p.put("assignee", f.assigneeId()); }
        if (f.unassignedOnly()) sql.append(" and assignee_id is null");
        if (f.text() != null && !f.text().isBlank()) {
            sql.append(" and (lower(subject) like :q or cast(number as varchar(20)) = :qn)");
            p.put("q", "%" + f.text().strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
            p.put("qn", f.text().strip().replaceFirst("(?i)^BP-", ""));
        }
        TicketFilter.Cursor c = f.cursor();
        if (f.order() == TicketFilter.Order.QUEUE) {
            if (c != null) {
                sql.append(" and (priority > :cp or (priority = :cp and (created_at > :ct or (created_at = :ct and id > :ci))))");
                p.put("cp", c.priority()); p.put("ct", ts(c.createdAt())); p.put("ci", c.id());
            }
            sql.append(" order by priority, created_at, id");
        } else {
            if (c != null) {
                sql.append(" and (created_at < :ct or (created_at = :ct and id < :ci))");
                p.put("ct", ts(c.createdAt())); p.put("ci", c.id());
            }
            sql.append(" order by created_at desc, id desc");
        }
        sql.append(" limit ").append(limit);
        if (!perStatus) return jdbc.sql("select " + COLUMNS + sql).params(p).query(TICKET).list();
        StringJoiner union = new StringJoiner(" union all ", "select * from (", ") q order by priority, created_at, id limit " + limit);
        int orderBy = sql.indexOf(" order by ");
        for (int i = 0; i < statuses.size(); i++) {
            union.add("(select " + COLUMNS + sql.substring(0, orderBy) + " and status = :status" + i + sql.substring(orderBy) + ")");
            p.put("status" + i, statuses.get(i));
        }
        return jdbc.sql(union.toString()).params(p).query(TICKET).list();
    }

    /** Open tickets per tier among the given organizations (the queue tabs' counts). */
    public Map<Integer, Long> openCountsByTier(Set<UUID> organizations) {
        Map<Integer, Long> counts = new TreeMap<>(Map.of(1, 0L, 2, 0L, 3, 0L));
        if (organizations.isEmpty()) return counts;
        jdbc.sql("select tier, count(*) from tickets where organization_id in (:orgs) and status in (:open) group by tier")
                .param("orgs", organizations)
                .param("open", TicketStatus.OPEN.stream().map(Enum::name).toList())
                .query((rs, n) -> counts.put(rs.getInt(1), rs.getLong(2))).list();
        return counts;
    }

    public List<UUID> resolvedBefore(Instant cutoff, int limit) {
        return jdbc.sql("select id from tickets where status = 'RESOLVED' and resolved_at < ? order by resolved_at limit ?")
                .params(ts(cutoff), limit).query(UUID.class).list();
    }

    /** Open tickets with due times, in id order after {@code after} (null: from the start), for the SLA timers. */
    public List<Ticket> openWithDueTimes(UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from tickets where status in ('NEW','TRIAGED','IN_PROGRESS','WAITING_ON_REQUESTER','WAITING_ON_VENDOR')"
                        + " and resolution_due_at is not null" + (after == null ? "" : " and id > ?") + " order by id limit ?")
                .params(after == null ? List.of(limit) : List.of(after, limit))
                .query(TICKET).list();
    }

    /** Due times and when they were met, for tickets opened in [from, to) that carry due times (SLA attainment). */
    public List<TicketPromises.Outcome> outcomes(Set<UUID> organizations, Instant from, Instant to) {
        if (organizations.isEmpty()) return List.of();
        return jdbc.sql("""
                        select id, organization_id, priority, created_at, first_response_at, first_response_due_at, resolved_at,
                          resolution_due_at
                        from tickets where organization_id in (:orgs) and created_at >= :from and created_at < :to
                          and resolution_due_at is not null""")
                .param("orgs", organizations).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> new TicketPromises.Outcome(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        Priority.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), instant(rs, 5), instant(rs, 6),
                        instant(rs, 7), instant(rs, 8)))
                .list();
    }

    /** The facts the desk metrics need, for tickets opened in [from, to). */
    public List<MetricRow> metricRows(Set<UUID> organizations, Instant from, Instant to) {
        if (organizations.isEmpty()) return List.of();
        return jdbc.sql("""
                        select organization_id, site_id, tier, created_at, first_response_at, resolved_at, reassignments
                        from tickets where organization_id in (:orgs) and created_at >= :from and created_at < :to""")
                .param("orgs", organizations).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> new MetricRow(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                        rs.getTimestamp(4).toInstant(), instant(rs, 5), instant(rs, 6), rs.getInt(7)))
                .list();
    }

    /**
     * The facts of service quality for tickets opened in [from, to): due times and when they were met, and from the
     * history whether the desk routed the ticket itself, whether a person corrected its category, priority or tier
     * (reclassified, escalated or de-escalated by someone), and how many SLA breaches it had. Two queries.
     */
    public List<QualityRow> qualityRows(Set<UUID> organizations, Instant from, Instant to) {
        if (organizations.isEmpty()) return List.of();
        Map<UUID, int[]> counts = new HashMap<>(); // triaged, routed by the desk, corrected by a person, breaches
        jdbc.sql("""
                        select e.ticket_id, e.kind, case when e.actor_id is null then 1 else 0 end as desk, count(*)
                        from ticket_entries e join tickets t on t.id = e.ticket_id
                        where t.organization_id in (:orgs) and t.created_at >= :from and t.created_at < :to
                          and e.kind in ('TRIAGED', 'ASSIGNED', 'RECLASSIFIED', 'ESCALATED', 'DE_ESCALATED', 'SLA_BREACH')
                        group by e.ticket_id, e.kind, case when e.actor_id is null then 1 else 0 end""")
                .param("orgs", organizations).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> {
                    int[] c = counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new int[4]);
                    String kind = rs.getString(2);
                    boolean desk = rs.getInt(3) == 1;
                    int times = rs.getInt(4);
                    if (kind.equals("TRIAGED")) c[0] += times;
                    else if (kind.equals("ASSIGNED") && desk) c[1] += times;
                    else if (kind.equals("SLA_BREACH")) c[3] += times;
                    else if (!kind.equals("ASSIGNED") && !desk) c[2] += times;
                    return null;
                }).list();
        return jdbc.sql("""
                        select id, site_id, priority, created_at, first_response_at, first_response_due_at, resolved_at,
                          resolution_due_at, reassignments
                        from tickets where organization_id in (:orgs) and created_at >= :from and created_at < :to""")
                .param("orgs", organizations).param("from", ts(from)).param("to", ts(to))
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    int[] c = counts.getOrDefault(id, new int[4]);
                    return new QualityRow(id, rs.getObject(2, UUID.class), Priority.valueOf(rs.getString(3)),
                            rs.getTimestamp(4).toInstant(), instant(rs, 5), instant(rs, 6), instant(rs, 7), instant(rs, 8),
                            rs.getInt(9), c[0] > 0, c[1] > 0, c[2] > 0, c[3]);
                })
                .list();
    }

    public record QualityRow(UUID ticketId, UUID siteId, Priority priority, Instant createdAt, Instant firstResponseAt,
                             Instant firstResponseDueAt, Instant resolvedAt, Instant resolutionDueAt, int reassignments,
                             boolean triaged, boolean routedByDesk, boolean correctedByPerson, int breaches) {
    }

    public long resolvedCount(Set<UUID> organizations, Instant from, Instant to, Integer tier, UUID organization) {
        if (organizations.isEmpty()) return 0;
        String sql = "select count(*) from tickets where organization_id in (:orgs) and resolved_at >= :from and resolved_at < :to"
                + (tier != null ? " and tier = :tier" : "") + (organization != null ? " and organization_id = :org" : "");
        var spec = jdbc.sql(sql).param("orgs", organizations).param("from", ts(from)).param("to", ts(to));
        if (tier != null) spec = spec.param("tier", tier);
        if (organization != null) spec = spec.param("org", organization);
        return spec.query(Long.class).single();
    }

    public record MetricRow(UUID organizationId, UUID siteId, int tier, Instant createdAt, Instant firstResponseAt,
                            Instant resolvedAt, int reassignments) {
    }

    private static final RowMapper<Ticket> TICKET = TicketStore::ticket;

    private static Ticket ticket(ResultSet rs, int n) throws SQLException {
        Ticket t = new Ticket(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getObject("organization_id", UUID.class),
                rs.getObject("site_id", UUID.class), rs.getObject("requester_id", UUID.class), rs.getString("subject"),
                rs.getString("description"), rs.getString("impact") == null ? null : Impact.valueOf(rs.getString("impact")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("idempotency_key"),
                TicketStatus.valueOf(rs.getString("status")), rs.getInt("tier"),
                rs.getString("category") == null ? null : Category.valueOf(rs.getString("category")),
                Priority.valueOf(rs.getString("priority")), rs.getObject("assignee_id", UUID.class),
                rs.getBoolean("ever_assigned"), rs.getInt("reassignments"), rs.getTimestamp("updated_at").toInstant(),
                instant(rs, "first_response_at"), instant(rs, "resolved_at"), instant(rs, "closed_at"), rs.getInt("version"));
        t.firstResponseDueAt = instant(rs, "first_response_due_at");
        t.resolutionDueAt = instant(rs, "resolution_due_at");
        return t;
    }

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Integer tier(ResultSet rs, String col) throws SQLException {
        Object o = rs.getObject(col);
        return o == null ? null : ((Number) o).intValue();
    }

    private static TicketStatus status(String s) {
        return s == null ? null : TicketStatus.valueOf(s);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
