package io.breakpoint.telemetry;

import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.Role;
import io.breakpoint.telemetry.internal.FactsJson;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The device registry. Methods that take an {@link Actor} answer for that person (404 for what they may not see;
 * clinic staff see no devices); the others are for modules acting on the desk's behalf (the diagnosis, compliance)
 * and check nothing.
 */
@Service
@Transactional(readOnly = true)
public class Devices {

    private static final String SELECT = """
            select d.*, s.name as segment_name, s.purpose as segment_purpose
            from devices d left join network_segments s on s.id = d.segment_id""";

    private final JdbcClient jdbc;
    private final Directory directory;

    Devices(JdbcClient jdbc, Directory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    public Optional<DeviceView> find(UUID deviceId) {
        return jdbc.sql(SELECT + " where d.id = ?").param(deviceId).query(Devices::device).optional();
    }

    /** The devices of a site, retired ones included, by hostname. */
    public List<DeviceView> bySite(UUID siteId) {
        return jdbc.sql(SELECT + " where d.site_id = ? order by d.hostname, d.id").param(siteId).query(Devices::device).list();
    }

    /** The devices of some organizations (compliance: OS and disk encryption per device), by site and hostname. */
    public List<DeviceView> ofOrganizations(Collection<UUID> organizationIds) {
        if (organizationIds.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " where d.organization_id in (:orgs) order by d.site_id, d.hostname, d.id")
                .param("orgs", organizationIds).query(Devices::device).list();
    }

    /** The sites with the most devices heard from since {@code since}, most first (what to have ready after a start). */
    public List<UUID> busiestSites(Instant since, int limit) {
        return jdbc.sql("""
                        select site_id from devices where not retired and last_seen_at >= ?
                        group by site_id order by count(*) desc, site_id limit ?""")
                .params(Timestamp.from(since), limit).query(UUID.class).list();
    }

    public Optional<DeviceFacts> facts(UUID deviceId) {
        return find(deviceId).map(DeviceView::facts);
    }

    /** A device the actor may see, or 404. */
    public DeviceView device(Actor actor, UUID deviceId) {
        requireStaff(actor);
        return find(deviceId).filter(d -> actor.canSee(d.organizationId()))
                .orElseThrow(() -> new NotFoundException("Device " + deviceId));
    }

    /** The devices the actor may see, of one site (404 when not visible) or of all their organizations. */
    public List<DeviceView> visible(Actor actor, UUID siteId) {
        requireStaff(actor);
        if (siteId != null) return bySite(directory.site(actor, siteId).id());
        return ofOrganizations(actor.visibleOrganizations());
    }

    private static void requireStaff(Actor actor) {
        if (actor.is(Role.REQUESTER)) throw new ForbiddenException("Clinic staff do not see the device registry.");
    }

    private static DeviceView device(ResultSet rs, int n) throws SQLException {
        String purpose = rs.getString("segment_purpose");
        long skew = rs.getLong("clock_skew_ms");
        Long skewMs = rs.wasNull() ? null : skew;
        return new DeviceView(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getObject("organization_id", UUID.class), rs.getString("hostname"), rs.getString("agent_version"),
                rs.getString("local_address"), rs.getObject("segment_id", UUID.class), rs.getString("segment_name"),
                purpose == null ? null : SegmentPurpose.valueOf(purpose), rs.getTimestamp("first_seen_at").toInstant(),
                rs.getTimestamp("last_seen_at").toInstant(), rs.getBoolean("retired"), skewMs, FactsJson.read(rs.getString("facts")));
    }
}
