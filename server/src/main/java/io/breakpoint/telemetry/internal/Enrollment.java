package io.breakpoint.telemetry.internal;

import io.breakpoint.agent.protocol.EnrollmentRequest;
import io.breakpoint.agent.protocol.EnrollmentResponse;
import io.breakpoint.audit.AuditTrail;
import io.breakpoint.common.ConflictException;
import io.breakpoint.common.InvalidRequestException;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.SiteSummary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Exchanges a site's enrollment code for a device identity and a secret that is shown this once. */
@Component
public class Enrollment {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final SiteNetworks networks;
    private final AuditTrail audit;
    private final Clock clock;

    Enrollment(JdbcClient jdbc, Directory directory, SiteNetworks networks, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.networks = networks;
        this.audit = audit;
        this.clock = clock;
    }

    private record Code(UUID id, UUID siteId, UUID organizationId, int maxUses, int uses, Instant expiresAt, Instant revokedAt) {
    }

    @Transactional
    public EnrollmentResponse enroll(EnrollmentRequest request, String remoteAddress) {
        if (request == null || request.code() == null || request.code().isBlank()) {
            throw new InvalidRequestException("code", "Send the site's enrollment code.");
        }
        String hostname = Text.clean(request.hostname() != null ? request.hostname() : request.facts() != null ? request.facts().hostname() : null);
        if (hostname == null || hostname.isBlank()) throw new InvalidRequestException("hostname", "Send the workstation's hostname.");
        if (hostname.length() > 255) throw new InvalidRequestException("hostname", "The hostname is at most 255 characters.");
        String version = Text.clean(request.agentVersion());
        if (version != null && version.length() > 50) throw new InvalidRequestException("agentVersion", "The agent version is at most 50 characters.");

        Instant now = clock.instant();
        Code code = jdbc.sql("select * from enrollment_codes where code_hash = ?").param(Secrets.codeHash(request.code()))
                .query((rs, n) -> new Code(rs.getObject("id", UUID.class), rs.getObject("site_id", UUID.class),
                        rs.getObject("organization_id", UUID.class), rs.getInt("max_uses"), rs.getInt("uses"),
                        rs.getTimestamp("expires_at").toInstant(),
                        rs.getTimestamp("revoked_at") == null ? null : rs.getTimestamp("revoked_at").toInstant()))
                .optional().orElseThrow(() -> new InvalidRequestException("code", "This enrollment code is not known here; check it, or ask your admin for a new one."));
        if (code.revokedAt() != null) throw new ConflictException("This enrollment code was revoked; ask your admin for a new one.");
        if (!now.isBefore(code.expiresAt())) throw new ConflictException("This enrollment code expired on " + code.expiresAt() + "; ask your admin for a new one.");
        // The conditional update is what makes the last use of a code go to one device only, however many race for it.
        int taken = jdbc.sql("update enrollment_codes set uses = uses + 1 where id = ? and uses < max_uses and revoked_at is null")
                .param(code.id()).update();
        if (taken == 0) throw new ConflictException("This enrollment code has been used up; ask your admin for a new one.");

        SiteSummary site = directory.site(code.siteId()).orElseThrow(() -> new ConflictException("The code's site no longer exists."));
        UUID deviceId = UUID.randomUUID();
        String secret = Secrets.deviceSecret();
        var facts = request.facts();
        String address = Text.clean(remoteAddress);
        jdbc.sql("""
                        insert into devices (id, site_id, organization_id, secret_hash, hostname, agent_version, facts, os_name, os_version,
                          disk_encrypted, enrolled_with, first_seen_at, last_seen_at, retired)
                        values (?,?,?,?,?,?,?,?,?,?,?,?,?,false)""")
                .params(deviceId, site.id(), site.organizationId(), Secrets.sha256(secret), hostname, version, FactsJson.write(facts),
                        facts == null ? null : Text.cut(Text.clean(facts.osName()), 100),
                        facts == null ? null : Text.cut(Text.clean(facts.osVersion()), 100),
                        facts == null ? null : facts.diskEncrypted(), code.id(), Timestamp.from(now), Timestamp.from(now))
                .update();
        audit.record(null, "DEVICE_ENROLLED", site.organizationId(), null,
                "Device " + hostname + " enrolled at " + site.name() + (address == null ? "" : " from " + address));
        return new EnrollmentResponse(deviceId, secret, site.id(), site.name());
    }
}
