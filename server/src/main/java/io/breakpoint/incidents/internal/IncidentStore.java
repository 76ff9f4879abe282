package io.breakpoint.incidents.internal;

import io.breakpoint.common.ConflictException;
import io.breakpoint.incidents.IncidentStatus;
import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.*;

/** Incidents and their links to tickets. */
@Repository
public class IncidentStore {

    private static final String COLUMNS = """
            id, number, organization_id, site_id, category, tier, priority, title, status, owner_id, opened_by, opened_at,
            resolved_at, resolved_by, resolution, version""";

    /** A ticket's link to an incident, with the facts isolation needs (whose ticket, which organization). */
    public record Link(UUID ticketId, UUID incidentId, UUID organizationId, UUID siteId, UUID requesterId,
                       Instant arrivedAt, Instant linkedAt, UUID linkedBy, String reason) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    IncidentStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public long nextNumber() {
        return jdbc.sql("select nextval('incident_number_seq')").query(Long.class).single();
    }

    public void insert(Incident i) {
        jdbc.sql("insert into incidents (" + COLUMNS + ") values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(i.id(), i.number(), i.organizationId(), i.siteId(), i.category().name(), i.tier(),
                        i.priority().name(), i.title(), i.status().name(), i.ownerId(), i.openedBy(), ts(i.openedAt()),
                        ts(i.resolvedAt()), i.resolvedBy(), i.resolution(), i.version())
                .update();
    }

    /** Writes the changed incident if nobody changed it since it was read (versioned). */
    public Incident update(Incident i) {
        int n = jdbc.sql("""
                        update incidents set priority = ?, status = ?, owner_id = ?, resolved_at = ?,
                          resolved_by = ?, resolution = ?, version = ? where id = ? and version = ?""")
                .params(i.priority().name(), i.status().name(), i.ownerId(), ts(i.resolvedAt()),
                        i.resolvedBy(), i.resolution(), i.version() + 1, i.id(), i.version())
                .update();
        if (n == 0) throw new ConflictException("Incident " + i.reference() + " was changed by someone else meanwhile; reload it and try again.");
        return new Incident(i.id(), i.number(), i.organizationId(), i.siteId(), i.category(), i.tier(), i.priority(),
                i.title(), i.status(), i.ownerId(), i.openedBy(), i.openedAt(), i.resolvedAt(),
                i.resolvedBy(), i.resolution(), i.version() + 1);
    }

    /**
     * A more urgent ticket joined: the incident's priority rises, never back. Not versioned, and it writes (and locks
     * the row) only when the priority does rise: in a burst many tickets join at once, and a write each would line
     * them all up behind one row lock, or make them conflict on the incident's version.
     */
    public void raisePriority(UUID id, Priority priority) {
        jdbc.sql("update incidents set priority = ? where id = ? and priority > ?").params(priority.name(), id, priority.name()).update();
    }

    /**
     * The creation time of the latest ticket of each of these incidents (a match within the window of it joins). One
     * max per incident in a subquery, so the database reads it off the end of (incident_id, arrived_at): a group-by
     * over the incidents reads every link, and a long outage links thousands.
     */
    public Map<UUID, Instant> latestArrivals(Collection<UUID> incidents) {
        Map<UUID, Instant> out = new HashMap<>();
        if (incidents.isEmpty()) return out;
        jdbc.sql("""
                        select i.id, (select max(l.arrived_at) from incident_tickets l where l.incident_id = i.id)
                        from incidents i where i.id in (:ids)""")
                .param("ids", incidents)
                .query((rs, n) -> {
                    Timestamp latest = rs.getTimestamp(2);
                    if (latest != null) out.put(rs.getObject(1, UUID.class), latest.toInstant());
                    return null;
                }).list();
        return out;
    }

    public Optional<Incident> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from incidents where id = ?").param(id).query(INCIDENT).optional();
    }

    /** Open incidents of an organization and category, newest first (detection looks for one to join). */
    public List<Incident> openOfKind(UUID organizationId, Category category) {
        return jdbc.sql("select " + COLUMNS + " from incidents where organization_id = ? and category = ? and status = 'OPEN'"
                        + " order by opened_at desc")
                .params(organizationId, category.name()).query(INCIDENT).list();
    }

    /**
     * Incidents that link a ticket of one of these organizations or were opened in one of them, newest first; only
     * those linking a ticket of {@code requester} when given.
     */
    public List<Incident> visible(Set<UUID> organizations, UUID requester, IncidentStatus status, int limit) {
        if (organizations.isEmpty()) return List.of();
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from incidents i where ");
        Map<String, Object> p = new HashMap<>();
        p.put("orgs", organizations);
        if (requester != null) {
            sql.append("exists (select 1 from incident_tickets l where l.incident_id = i.id and l.requester_id = :requester"
                    + " and l.organization_id in (:orgs))");
            p.put("requester", requester);
        } else {
            sql.append("(i.organization_id in (:orgs) or exists (select 1 from incident_tickets l where l.incident_id = i.id"
                    + " and l.organization_id in (:orgs)))");
        }
        if (status != null) {
            sql.append(" and i.status = :status");
            p.put("status", status.name());
        }
        sql.append(" order by i.opened_at desc, i.number desc limit ").append(limit);
        return jdbc.sql(sql.toString()).params(p).query(INCIDENT).list();
    }

    /** Writes several links with one batched statement. */
    public void linkAll(List<Link> links) {
        template.batchUpdate("""
                        insert into incident_tickets (ticket_id, incident_id, organization_id, site_id, requester_id, arrived_at,
                          linked_at, linked_by, reason) values (?,?,?,?,?,?,?,?,?)""", links, links.size(), (ps, l) -> {
            Object[] values = {l.ticketId(), l.incidentId(), l.organizationId(), l.siteId(), l.requesterId(), ts(l.arrivedAt()),
                    ts(l.linkedAt()), l.linkedBy(), l.reason()};
            for (int i = 0; i < values.length; i++) {
                StatementCreatorUtils.setParameterValue(ps, i + 1, SqlTypeValue.TYPE_UNKNOWN, values[i]);
            }
        });
    }

    public void link(Link l) {
        jdbc.sql("""
                        insert into incident_tickets (ticket_id, incident_id, organization_id, site_id, requester_id, arrived_at,
                          linked_at, linked_by, reason) values (?,?,?,?,?,?,?,?,?)""")
                .params(l.ticketId(), l.incidentId(), l.organizationId(), l.siteId(), l.requesterId(), ts(l.arrivedAt()),
                        ts(l.linkedAt()),
                        l.linkedBy(), l.reason())
                .update();
    }

    public boolean unlink(UUID incidentId, UUID ticketId) {
        return jdbc.sql("delete from incident_tickets where incident_id = ? and ticket_id = ?").params(incidentId, ticketId).update() > 0;
    }

    public List<Link> links(UUID incidentId) {
        return jdbc.sql("select * from incident_tickets where incident_id = ? order by linked_at, ticket_id")
                .param(incidentId).query(LINK).list();
    }

    /** Linked tickets per incident, of these organizations only. */
    public Map<UUID, Integer> linkCounts(Collection<UUID> incidents, Set<UUID> organizations) {
        Map<UUID, Integer> out = new HashMap<>();
        if (incidents.isEmpty() || organizations.isEmpty()) return out;
        jdbc.sql("select incident_id, count(*) from incident_tickets where incident_id in (:ids) and organization_id in (:orgs)"
                        + " group by incident_id")
                .param("ids", incidents).param("orgs", organizations)
                .query((rs, n) -> out.put(rs.getObject(1, UUID.class), rs.getInt(2))).list();
        return out;
    }

    public Optional<Link> linkOf(UUID ticketId) {
        return jdbc.sql("select * from incident_tickets where ticket_id = ?").param(ticketId).query(LINK).optional();
    }

    /** Which of these tickets are linked to an incident already. */
    public Set<UUID> linkedAmong(Collection<UUID> ticketIds) {
        if (ticketIds.isEmpty()) return Set.of();
        return new HashSet<>(jdbc.sql("select ticket_id from incident_tickets where ticket_id in (:ids)")
                .param("ids", ticketIds).query(UUID.class).list());
    }

    /** Incidents opened in [from, to) that link a ticket of these organizations. */
    public List<Incident> openedBetween(Set<UUID> organizations, Instant from, Instant to) {
        if (organizations.isEmpty()) return List.of();
        return jdbc.sql("select " + COLUMNS + " from incidents i where i.opened_at >= :from and i.opened_at < :to and exists"
                        + " (select 1 from incident_tickets l where l.incident_id = i.id and l.organization_id in (:orgs))")
                .param("from", ts(from)).param("to", ts(to)).param("orgs", organizations).query(INCIDENT).list();
    }

    public long openCount(Set<UUID> organizations) {
        if (organizations.isEmpty()) return 0;
        return jdbc.sql("select count(*) from incidents i where i.status = 'OPEN' and (i.organization_id in (:orgs) or exists"
                        + " (select 1 from incident_tickets l where l.incident_id = i.id and l.organization_id in (:orgs)))")
                .param("orgs", organizations).query(Long.class).single();
    }

    /** One line of an incident's own history: opened, handed to another owner ({@code actorId} null: the desk). */
    public record HistoryEntry(long id, UUID incidentId, Instant at, UUID actorId, String kind, String body) {
    }

    public void note(UUID incidentId, Instant at, UUID actorId, String kind, String body) {
        jdbc.sql("insert into incident_history (incident_id, at, actor_id, kind, body) values (?,?,?,?,?)")
                .params(incidentId, ts(at), actorId, kind, body.length() > 1000 ? body.substring(0, 997) + "..." : body).update();
    }

    public List<HistoryEntry> history(UUID incidentId) {
        return jdbc.sql("select id, incident_id, at, actor_id, kind, body from incident_history where incident_id = ? order by id")
                .param(incidentId)
                .query((rs, n) -> new HistoryEntry(rs.getLong("id"), rs.getObject("incident_id", UUID.class), instant(rs, "at"),
                        rs.getObject("actor_id", UUID.class), rs.getString("kind"), rs.getString("body")))
                .list();
    }

    private static final RowMapper<Incident> INCIDENT = IncidentStore::incident;

    private static Incident incident(ResultSet rs, int n) throws SQLException {
        return new Incident(rs.getObject("id", UUID.class), rs.getLong("number"), rs.getObject("organization_id", UUID.class),
                rs.getObject("site_id", UUID.class), Category.valueOf(rs.getString("category")), rs.getInt("tier"),
                Priority.valueOf(rs.getString("priority")), rs.getString("title"),
                IncidentStatus.valueOf(rs.getString("status")), rs.getObject("owner_id", UUID.class),
                rs.getObject("opened_by", UUID.class), instant(rs, "opened_at"), instant(rs, "resolved_at"), rs.getObject("resolved_by", UUID.class), rs.getString("resolution"),
                rs.getInt("version"));
    }

    private static final RowMapper<Link> LINK = (rs, n) -> new Link(rs.getObject("ticket_id", UUID.class),
            rs.getObject("incident_id", UUID.class), rs.getObject("organization_id", UUID.class),
            rs.getObject("site_id", UUID.class), rs.getObject("requester_id", UUID.class), instant(rs, "arrived_at"),
            instant(rs, "linked_at"),
            rs.getObject("linked_by", UUID.class), rs.getString("reason"));

    private static Instant instant(ResultSet rs, String col) throws SQLException {
        Timestamp t = rs.getTimestamp(col);
        return t == null ? null : t.toInstant();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
