package io.breakpoint.telemetry.internal;

import io.breakpoint.telemetry.NetworkSegment;
import io.breakpoint.telemetry.ProbeSettings;
import io.breakpoint.telemetry.SegmentPurpose;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A site's segments and probe settings as stored, and which segment an address is on. */
@Component
public class SiteNetworks {

    private final JdbcClient jdbc;

    SiteNetworks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<NetworkSegment> segments(UUID siteId) {
        return jdbc.sql("select * from network_segments where site_id = ? order by name").param(siteId).query(SiteNetworks::segment).list();
    }

    public Optional<NetworkSegment> segment(UUID segmentId) {
        return jdbc.sql("select * from network_segments where id = ?").param(segmentId).query(SiteNetworks::segment).optional();
    }

    /** The site's settings, or the defaults when nobody set any (version 0). */
    public ProbeSettings probeSettings(UUID siteId) {
        return jdbc.sql("select * from site_probe_configs where site_id = ?").param(siteId)
                .query((rs, n) -> new ProbeSettings(rs.getLong("version"), rs.getInt("sample_every_seconds"),
                        rs.getInt("throughput_every_seconds"), rs.getInt("config_refresh_seconds"), rs.getString("edge_host"),
                        rs.getString("reference_host"), lines(rs.getString("emr_endpoints")), lines(rs.getString("emr_transaction")),
                        rs.getString("guest_addresses") == null ? null : lines(rs.getString("guest_addresses")),
                        rs.getString("throughput_url"), rs.getTimestamp("updated_at").toInstant()))
                .optional().orElseGet(ProbeSettings::defaults);
    }

    /** The segment whose range holds the address, the most specific range winning; null when none does. */
    public static UUID place(List<NetworkSegment> segments, String address) {
        byte[] bytes = Cidr.literal(address);
        if (bytes == null) return null;
        UUID best = null;
        int bestPrefix = -1;
        for (NetworkSegment s : segments) {
            for (String range : s.cidrs()) {
                Cidr c = Cidr.parse(range);
                if (c != null && c.prefix() > bestPrefix && c.contains(bytes)) {
                    best = s.id();
                    bestPrefix = c.prefix();
                }
            }
        }
        return best;
    }

    static List<String> lines(String text) {
        if (text == null || text.isBlank()) return List.of();
        return Arrays.stream(text.split("\n")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static NetworkSegment segment(ResultSet rs, int n) throws SQLException {
        return new NetworkSegment(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), rs.getString("name"),
                SegmentPurpose.valueOf(rs.getString("purpose")), lines(rs.getString("cidrs")), lines(rs.getString("probe_addresses")));
    }
}
