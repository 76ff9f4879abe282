package io.breakpoint.telemetry;

import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.ConflictException;
import io.breakpoint.common.ForbiddenException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.common.NotFoundException;
import io.breakpoint.identity.Actor;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.Role;
import io.breakpoint.identity.SiteSummary;
import io.breakpoint.telemetry.internal.Cidr;
import io.breakpoint.telemetry.internal.Secrets;
import io.breakpoint.telemetry.internal.SiteNetworks;
import io.breakpoint.telemetry.internal.TelemetrySettings;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What admins set up for the agents of a site: enrollment codes, network segments and probe settings. MSP admins
 * manage every site they see; org admins the sites of their own organization; nobody else. A site the caller may
 * not see answers 404, as one that does not exist.
 */
@Service
@Transactional
public class DeviceManagement {

    static final int MAX_USES = 10_000;
    static final Duration MAX_VALIDITY = Duration.ofDays(90);

    private final JdbcClient jdbc;
    private final Directory directory;
    private final AuditTrail audit;
    private final SiteNetworks networks;
    private final TelemetrySettings settings;
    private final Clock clock;

    DeviceManagement(JdbcClient jdbc, Directory directory, AuditTrail audit, SiteNetworks networks,
                     TelemetrySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.audit = audit;
        this.networks = networks;
        this.settings = settings;
        this.clock = clock;
    }

    /** The site, if the actor may manage its agents: 404 when not visible, 403 for the wrong role. */
    @Transactional(readOnly = true)
    public SiteSummary managedSite(Actor actor, UUID siteId) {
        SiteSummary site = directory.site(actor, siteId);
        if (!mayManage(actor, site)) throw new ForbiddenException("Only MSP admins and the organization's admins manage a site's agents.");
        return site;
    }

    public static boolean mayManage(Actor actor, SiteSummary site) {
        if (actor.is(Role.MSP_ADMIN)) return actor.canSee(site.organizationId());
        return actor.is(Role.ORG_ADMIN) && site.organizationId().equals(actor.organizationId());
    }

    // ---- enrollment codes

    /**
     * A new code for the site. {@code validFor} null: the configured default (7 days); {@code maxUses} null: 1.
     * The code is in the answer only.
     */
    public EnrollmentCode.Issued createEnrollmentCode(Actor actor, UUID siteId, String label, Duration validFor, Integer maxUses) {
        SiteSummary site = managedSite(actor, siteId);
        Duration validity = validFor == null ? settings.enrollmentCodeValidity() : validFor;
        if (validity.isNegative() || validity.isZero() || validity.compareTo(MAX_VALIDITY) > 0) {
            throw new InvalidRequestException("validFor", "A code must be valid for more than nothing and at most 90 days.");
        }
        int uses = maxUses == null ? 1 : maxUses;
        if (uses < 1 || uses > MAX_USES) throw new InvalidRequestException("maxUses", "A code enrolls from 1 to 10,000 devices.");
        String cleanLabel = label == null || label.isBlank() ? null : label.strip();
        if (cleanLabel != null && cleanLabel.length() > 200) throw new InvalidRequestException("label", "The label is at most 200 characters.");
        UUID id = UUID.randomUUID();
        String code = Secrets.enrollmentCode();
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into enrollment_codes (id, site_id, organization_id, code_hash, label, max_uses, uses, created_by, created_at, expires_at)
                        values (?,?,?,?,?,?,0,?,?,?)""")
                .params(id, siteId, site.organizationId(), Secrets.codeHash(code), cleanLabel, uses, actor.userId(),
                        Timestamp.from(now), Timestamp.from(now.plus(validity)))
                .update();
        audit.record(actor, "ENROLLMENT_CODE_CREATED", site.organizationId(), null,
                "Enrollment code for " + site.name() + " (" + uses + " use" + (uses == 1 ? "" : "s") + ", until " + now.plus(validity) + ")");
        return new EnrollmentCode.Issued(enrollmentCode(id), code);
    }

    @Transactional(readOnly = true)
    public List<EnrollmentCode> enrollmentCodes(Actor actor, UUID siteId) {
        managedSite(actor, siteId);
        return jdbc.sql("select * from enrollment_codes where site_id = ? order by created_at desc").param(siteId)
                .query(this::code).list();
    }

    /** Revokes a code; revoking one already revoked changes nothing. 404 for a code of a site not managed. */
    public EnrollmentCode revokeEnrollmentCode(Actor actor, UUID codeId) {
        EnrollmentCode code = jdbc.sql("select * from enrollment_codes where id = ?").param(codeId).query(this::code).optional()
                .orElseThrow(() -> new NotFoundException("Enrollment code " + codeId));
        SiteSummary site;
        try {
            site = managedSite(actor, code.siteId());
        } catch (NotFoundException e) {
            throw new NotFoundException("Enrollment code " + codeId);
        }
        if (code.revokedAt() == null) {
            jdbc.sql("update enrollment_codes set revoked_at = ? where id = ? and revoked_at is null")
                    .params(Timestamp.from(clock.instant()), codeId).update();
            audit.record(actor, "ENROLLMENT_CODE_REVOKED", site.organizationId(), null, "Enrollment code for " + site.name()
                    + (code.label() == null ? "" : " (" + code.label() + ")") + " revoked");
        }
        return enrollmentCode(codeId);
    }

    private EnrollmentCode enrollmentCode(UUID id) {
        return jdbc.sql("select * from enrollment_codes where id = ?").param(id).query(this::code).single();
    }

    private EnrollmentCode code(ResultSet rs, int n) throws SQLException {
        Instant expires = rs.getTimestamp("expires_at").toInstant();
        Timestamp revoked = rs.getTimestamp("revoked_at");
        int max = rs.getInt("max_uses");
        int uses = rs.getInt("uses");
        EnrollmentCode.State state = revoked != null ? EnrollmentCode.State.REVOKED
                : uses >= max ? EnrollmentCode.State.USED_UP
                : !clock.instant().isBefore(expires) ? EnrollmentCode.State.EXPIRED : EnrollmentCode.State.ACTIVE;
        return new EnrollmentCode(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class), rs.getString("label"),
                max, uses, rs.getTimestamp("created_at").toInstant(), expires, revoked == null ? null : revoked.toInstant(), state);
    }

    // ---- devices

    /**
     * Retires a device: its secret stops working at once (401), its history stays. A reinstalled workstation
     * enrolls again as a new device. 404 for a device of a site the actor does not manage.
     */
    public void retireDevice(Actor actor, UUID deviceId) {
        var row = jdbc.sql("select site_id, hostname from devices where id = ?").param(deviceId)
                .query((rs, n) -> new Object[]{rs.getObject(1, UUID.class), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("Device " + deviceId));
        SiteSummary site;
        try {
            site = managedSite(actor, (UUID) row[0]);
        } catch (NotFoundException e) {
            throw new NotFoundException("Device " + deviceId);
        }
        int changed = jdbc.sql("update devices set retired = true where id = ? and not retired").param(deviceId).update();
        if (changed > 0) audit.record(actor, "DEVICE_RETIRED", site.organizationId(), null, "Device " + row[1] + " at " + site.name() + " retired");
    }

    // ---- segments

    @Transactional(readOnly = true)
    public List<NetworkSegment> segments(Actor actor, UUID siteId) {
        SiteSummary site = directory.site(actor, siteId);
        if (actor.is(Role.REQUESTER)) throw new ForbiddenException("Clinic staff do not see network segments.");
        return networks.segments(site.id());
    }

    public NetworkSegment createSegment(Actor actor, UUID siteId, String name, SegmentPurpose purpose, List<String> cidrs,
                                        List<String> probeAddresses) {
        SiteSummary site = managedSite(actor, siteId);
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty() || cleanName.length() > 100) throw new InvalidRequestException("name", "Give the segment a name of at most 100 characters.");
        if (purpose == null) throw new InvalidRequestException("purpose", "Choose what the segment carries: CLINICAL, GUEST, IMAGING, VOICE or SERVERS.");
        List<String> ranges = ranges(cidrs);
        List<String> probes = hostPorts("probeAddresses", probeAddresses == null ? List.of() : probeAddresses);
        UUID id = UUID.randomUUID();
        try {
            jdbc.sql("""
                            insert into network_segments (id, site_id, organization_id, name, purpose, cidrs, probe_addresses, created_at)
                            values (?,?,?,?,?,?,?,?)""")
                    .params(id, siteId, site.organizationId(), cleanName, purpose.name(), String.join("\n", ranges),
                            String.join("\n", probes), Timestamp.from(clock.instant()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("The site already has a segment named " + cleanName + ".");
        }
        bumpConfigVersion(site);
        audit.record(actor, "SEGMENT_CREATED", site.organizationId(), null, "Segment " + cleanName + " (" + purpose + ") at " + site.name());
        return networks.segments(siteId).stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }

    public void deleteSegment(Actor actor, UUID segmentId) {
        NetworkSegment segment = networks.segment(segmentId).orElseThrow(() -> new NotFoundException("Segment " + segmentId));
        SiteSummary site;
        try {
            site = managedSite(actor, segment.siteId());
        } catch (NotFoundException e) {
            throw new NotFoundException("Segment " + segmentId);
        }
        jdbc.sql("delete from network_segments where id = ?").param(segmentId).update();
        jdbc.sql("update devices set segment_id = null where segment_id = ?").param(segmentId).update();
        bumpConfigVersion(site);
        audit.record(actor, "SEGMENT_DELETED", site.organizationId(), null, "Segment " + segment.name() + " at " + site.name());
    }

    static List<String> ranges(List<String> cidrs) {
        if (cidrs == null || cidrs.isEmpty()) throw new InvalidRequestException("cidrs", "Give at least one address range, such as 10.20.1.0/24.");
        if (cidrs.size() > 50) throw new InvalidRequestException("cidrs", "At most 50 address ranges per segment.");
        List<String> out = new ArrayList<>();
        for (String c : cidrs) {
            Cidr cidr = Cidr.parse(c);
            if (cidr == null) throw new InvalidRequestException("cidrs", "\"" + abbreviate(c) + "\" is not an address range such as 10.20.1.0/24.");
            out.add(cidr.toString());
        }
        return out;
    }

    // ---- probe settings

    @Transactional(readOnly = true)
    public ProbeSettings probeSettings(Actor actor, UUID siteId) {
        SiteSummary site = directory.site(actor, siteId);
        if (actor.is(Role.REQUESTER)) throw new ForbiddenException("Clinic staff do not see probe settings.");
        return networks.probeSettings(site.id());
    }

    public ProbeSettings updateProbeSettings(Actor actor, UUID siteId, ProbeSettings wanted) {
        SiteSummary site = managedSite(actor, siteId);
        ProbeSettings s = validated(wanted);
        Instant now = clock.instant();
        int updated = jdbc.sql("""
                        update site_probe_configs set version = version + 1, sample_every_seconds = ?, throughput_every_seconds = ?,
                          config_refresh_seconds = ?, edge_host = ?, reference_host = ?, emr_endpoints = ?, emr_transaction = ?,
                          guest_addresses = ?, throughput_url = ?, updated_at = ? where site_id = ?""")
                .params(s.sampleEverySeconds(), s.throughputEverySeconds(), s.configRefreshSeconds(), s.edgeHost(), s.referenceHost(),
                        String.join("\n", s.emrEndpoints()), String.join("\n", s.emrTransaction()),
                        s.guestAddresses() == null ? null : String.join("\n", s.guestAddresses()), s.throughputUrl(),
                        Timestamp.from(now), siteId)
                .update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into site_probe_configs (site_id, organization_id, version, sample_every_seconds, throughput_every_seconds,
                              config_refresh_seconds, edge_host, reference_host, emr_endpoints, emr_transaction, guest_addresses, throughput_url, updated_at)
                            values (?,?,1,?,?,?,?,?,?,?,?,?,?)""")
                    .params(siteId, site.organizationId(), s.sampleEverySeconds(), s.throughputEverySeconds(), s.configRefreshSeconds(),
                            s.edgeHost(), s.referenceHost(), String.join("\n", s.emrEndpoints()), String.join("\n", s.emrTransaction()),
                            s.guestAddresses() == null ? null : String.join("\n", s.guestAddresses()), s.throughputUrl(), Timestamp.from(now))
                    .update();
        }
        audit.record(actor, "PROBE_SETTINGS_CHANGED", site.organizationId(), null, "Probe settings of " + site.name());
        return networks.probeSettings(siteId);
    }

    /** Segments feed the default guest addresses, so a segment change is a new configuration for the agents too. */
    private void bumpConfigVersion(SiteSummary site) {
        int updated = jdbc.sql("update site_probe_configs set version = version + 1, updated_at = ? where site_id = ?")
                .params(Timestamp.from(clock.instant()), site.id()).update();
        if (updated == 0) {
            ProbeSettings d = ProbeSettings.defaults();
            jdbc.sql("""
                            insert into site_probe_configs (site_id, organization_id, version, sample_every_seconds, throughput_every_seconds,
                              config_refresh_seconds, reference_host, updated_at) values (?,?,1,?,?,?,?,?)""")
                    .params(site.id(), site.organizationId(), d.sampleEverySeconds(), d.throughputEverySeconds(), d.configRefreshSeconds(),
                            d.referenceHost(), Timestamp.from(clock.instant()))
                    .update();
        }
    }

    static ProbeSettings validated(ProbeSettings s) {
        if (s == null) throw new InvalidRequestException("body", "Send the probe settings.");
        int sample = s.sampleEverySeconds() == 0 ? ProbeSettings.SAMPLE_EVERY : s.sampleEverySeconds();
        int throughput = s.throughputEverySeconds() == 0 ? ProbeSettings.THROUGHPUT_EVERY : s.throughputEverySeconds();
        int refresh = s.configRefreshSeconds() == 0 ? ProbeSettings.CONFIG_REFRESH : s.configRefreshSeconds();
        if (sample < 10 || sample > 3600) throw new InvalidRequestException("sampleEverySeconds", "Sample every 10 to 3,600 seconds.");
        if (throughput < 60 || throughput > 86_400) throw new InvalidRequestException("throughputEverySeconds", "Measure throughput every 60 to 86,400 seconds.");
        if (refresh < 30 || refresh > 86_400) throw new InvalidRequestException("configRefreshSeconds", "Refresh the configuration every 30 to 86,400 seconds.");
        String edge = host("edgeHost", s.edgeHost());
        String reference = host("referenceHost", s.referenceHost());
        List<String> emr = urls("emrEndpoints", s.emrEndpoints());
        List<String> transaction = urls("emrTransaction", s.emrTransaction());
        List<String> guests = s.guestAddresses() == null ? null : hostPorts("guestAddresses", s.guestAddresses());
        String throughputUrl = s.throughputUrl() == null || s.throughputUrl().isBlank() ? null
                : urls("throughputUrl", List.of(s.throughputUrl())).get(0);
        return new ProbeSettings(s.version(), sample, throughput, refresh, edge, reference, emr, transaction, guests, throughputUrl, null);
    }

    private static String host(String field, String value) {
        if (value == null || value.isBlank()) return null;
        String v = value.strip();
        if (v.length() > 255 || !v.matches("[A-Za-z0-9.:\\[\\]_-]+")) {
            throw new InvalidRequestException(field, "\"" + abbreviate(v) + "\" is not a host or host:port.");
        }
        return v;
    }

    private static List<String> hostPorts(String field, List<String> values) {
        if (values.size() > 50) throw new InvalidRequestException(field, "At most 50 addresses.");
        List<String> out = new ArrayList<>();
        for (String v : values) {
            String h = host(field, v);
            if (h == null) continue;
            int colon = h.lastIndexOf(':');
            boolean port = colon > 0 && colon < h.length() - 1 && h.substring(colon + 1).matches("\\d{1,5}")
                    && Integer.parseInt(h.substring(colon + 1)) <= 65535;
            if (!port) throw new InvalidRequestException(field, "\"" + abbreviate(h) + "\" needs a port, such as 10.30.0.1:80.");
            out.add(h);
        }
        return out;
    }

    private static List<String> urls(String field, List<String> values) {
        if (values == null) return List.of();
        if (values.size() > 20) throw new InvalidRequestException(field, "At most 20 addresses.");
        List<String> out = new ArrayList<>();
        for (String v : values) {
            if (v == null || v.isBlank()) continue;
            String u = v.strip();
            boolean ok;
            try {
                URI uri = URI.create(u);
                ok = ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null && u.length() <= 500;
            } catch (IllegalArgumentException e) {
                ok = false;
            }
            if (!ok) throw new InvalidRequestException(field, "\"" + abbreviate(u) + "\" is not a web address such as https://emr.example.com/login.");
            out.add(u);
        }
        return out;
    }

    private static String abbreviate(String s) {
        if (s == null) return "";
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
