package io.breakpoint.diagnosis;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The one-click slowness reports received: which device reported, which ticket it opened, what was diagnosed then. */
@Service
@Transactional(readOnly = true)
public class SlownessReports {

    /** A report as stored. */
    public record Report(UUID id, UUID deviceId, UUID siteId, UUID organizationId, UUID ticketId, UUID requesterId,
                         String note, java.time.Instant reportedAt, Breakpoint breakpoint, double confidence, String headline,
                         String summary) {
    }

    private final JdbcClient jdbc;

    SlownessReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The report that opened this ticket, if one did. The caller has checked that its actor may see the ticket. */
    public Optional<Report> forTicket(UUID ticketId) {
        return jdbc.sql("select * from slowness_reports where ticket_id = ? order by reported_at limit 1").param(ticketId)
                .query(SlownessReports::report).optional();
    }

    /** The latest reports of a device, newest first. The caller has checked that its actor may see the device. */
    public List<Report> ofDevice(UUID deviceId, int limit) {
        return jdbc.sql("select * from slowness_reports where device_id = ? order by reported_at desc limit ?")
                .params(deviceId, limit).query(SlownessReports::report).list();
    }

    /** Who last reported from this device, to open the next report for the same person when it names nobody. */
    Optional<UUID> lastReporter(UUID deviceId) {
        return jdbc.sql("select requester_id from slowness_reports where device_id = ? order by reported_at desc limit 1")
                .param(deviceId).query(UUID.class).optional();
    }

    @Transactional
    void save(Report r) {
        jdbc.sql("""
                        insert into slowness_reports (id, device_id, site_id, organization_id, ticket_id, requester_id, note,
                          reported_at, breakpoint, confidence, headline, summary) values (?,?,?,?,?,?,?,?,?,?,?,?)""")
                .params(r.id(), r.deviceId(), r.siteId(), r.organizationId(), r.ticketId(), r.requesterId(), r.note(),
                        Timestamp.from(r.reportedAt()), r.breakpoint().name(), r.confidence(),
                        cut(r.headline()), cut(r.summary()))
                .update();
    }

    private static Report report(ResultSet rs, int n) throws SQLException {
        return new Report(rs.getObject("id", UUID.class), rs.getObject("device_id", UUID.class), rs.getObject("site_id", UUID.class),
                rs.getObject("organization_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getObject("requester_id", UUID.class), rs.getString("note"), rs.getTimestamp("reported_at").toInstant(),
                Breakpoint.valueOf(rs.getString("breakpoint")), rs.getDouble("confidence"), rs.getString("headline"),
                rs.getString("summary"));
    }

    private static String cut(String s) {
        return s.length() > 1000 ? s.substring(0, 1000) : s;
    }
}
