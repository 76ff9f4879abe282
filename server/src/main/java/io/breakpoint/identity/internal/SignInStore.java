package io.breakpoint.identity.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The sign-in security tables (V50): MFA secrets and recovery codes, failed attempts, tokens as their owners see them. */
@Repository
public class SignInStore {

    private final JdbcClient jdbc;

    SignInStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Mfa(String sealedSecret, long lastStep) {
    }

    public record Failures(int failures, Instant lastFailureAt, Instant lockedUntil) {
    }

    /** A live token as its owner or an admin sees it: the id is the first 16 hex digits of its hash. */
    public record TokenRow(String id, UUID userId, Instant issuedAt, Instant expiresAt, String emergencyReason) {
    }

    // ---- MFA

    public Optional<Mfa> mfa(UUID userId) {
        return jdbc.sql("select secret, last_step from user_mfa where user_id = ?").param(userId)
                .query((rs, n) -> new Mfa(rs.getString(1), rs.getLong(2))).optional();
    }

    public void enrol(UUID userId, String sealedSecret, Instant at) {
        jdbc.sql("delete from user_mfa where user_id = ?").param(userId).update();
        jdbc.sql("insert into user_mfa (user_id, secret, enrolled_at, last_step) values (?,?,?,0)")
                .params(userId, sealedSecret, Timestamp.from(at)).update();
    }

    /** Marks {@code step} used; false when it (or a later one) was used already: the code is a replay. */
    public boolean useStep(UUID userId, long step) {
        return jdbc.sql("update user_mfa set last_step = ? where user_id = ? and last_step < ?")
                .params(step, userId, step).update() == 1;
    }

    public void deleteMfa(UUID userId) {
        jdbc.sql("delete from mfa_recovery_codes where user_id = ?").param(userId).update();
        jdbc.sql("delete from user_mfa where user_id = ?").param(userId).update();
    }

    public List<UUID> usersWithMfa() {
        return jdbc.sql("select user_id from user_mfa").query(UUID.class).list();
    }

    public void reseal(UUID userId, String sealedSecret) {
        jdbc.sql("update user_mfa set secret = ? where user_id = ?").params(sealedSecret, userId).update();
    }

    public void replaceRecoveryCodes(UUID userId, List<String> hashes) {
        jdbc.sql("delete from mfa_recovery_codes where user_id = ?").param(userId).update();
        for (String h : hashes) {
            jdbc.sql("insert into mfa_recovery_codes (user_id, code_hash) values (?,?)").params(userId, h).update();
        }
    }

    /** Uses an unused recovery code; false when there is none with this hash. */
    public boolean useRecoveryCode(UUID userId, String hash, Instant at) {
        return jdbc.sql("update mfa_recovery_codes set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
                .params(Timestamp.from(at), userId, hash).update() == 1;
    }

    public int unusedRecoveryCodes(UUID userId) {
        return jdbc.sql("select count(*) from mfa_recovery_codes where user_id = ? and used_at is null").param(userId)
                .query(Integer.class).single();
    }

    public boolean organizationRequiresMfa(UUID organizationId) {
        return jdbc.sql("select mfa_required from organizations where id = ?").param(organizationId)
                .query(Boolean.class).optional().orElse(false);
    }

    public void setOrganizationRequiresMfa(UUID organizationId, boolean required) {
        jdbc.sql("update organizations set mfa_required = ? where id = ?").params(required, organizationId).update();
    }

    // ---- failed attempts

    public Optional<Failures> failures(String subject) {
        return jdbc.sql("select failures, last_failure_at, locked_until from sign_in_failures where subject = ?")
                .param(subject).query((rs, n) -> new Failures(rs.getInt(1), rs.getTimestamp(2).toInstant(),
                        rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant())).optional();
    }

    public void saveFailures(String subject, Failures f) {
        Timestamp locked = f.lockedUntil() == null ? null : Timestamp.from(f.lockedUntil());
        int updated = jdbc.sql("update sign_in_failures set failures = ?, last_failure_at = ?, locked_until = ? where subject = ?")
                .params(f.failures(), Timestamp.from(f.lastFailureAt()), locked, subject).update();
        if (updated == 0) {
            jdbc.sql("insert into sign_in_failures (subject, failures, last_failure_at, locked_until) values (?,?,?,?)")
                    .params(subject, f.failures(), Timestamp.from(f.lastFailureAt()), locked).update();
        }
    }

    public void clearFailures(String subject) {
        jdbc.sql("delete from sign_in_failures where subject = ?").param(subject).update();
    }

    // ---- tokens

    public void insertToken(String hash, UUID userId, Instant issuedAt, Instant expiresAt, String emergencyReason) {
        jdbc.sql("insert into api_tokens (token_hash, user_id, issued_at, expires_at, emergency_reason) values (?,?,?,?,?)")
                .params(hash, userId, Timestamp.from(issuedAt), Timestamp.from(expiresAt), emergencyReason).update();
    }

    public List<TokenRow> liveTokens(UUID userId, Instant now) {
        return jdbc.sql("""
                        select token_hash, user_id, issued_at, expires_at, emergency_reason from api_tokens
                        where user_id = ? and revoked_at is null and expires_at > ? order by issued_at desc""")
                .params(userId, Timestamp.from(now)).query(TOKEN).list();
    }

    public List<TokenRow> liveEmergencyTokens(Instant now) {
        return jdbc.sql("""
                        select token_hash, user_id, issued_at, expires_at, emergency_reason from api_tokens
                        where emergency_reason is not null and revoked_at is null and expires_at > ? order by issued_at desc""")
                .param(Timestamp.from(now)).query(TOKEN).list();
    }

    /** The full hash of a live token of {@code userId} whose id is {@code id}. */
    public Optional<String> liveTokenHash(UUID userId, String id, Instant now) {
        if (id == null || !id.matches("[0-9a-f]{16}")) return Optional.empty();
        return jdbc.sql("""
                        select token_hash from api_tokens
                        where user_id = ? and token_hash like ? and revoked_at is null and expires_at > ?""")
                .params(userId, id + "%", Timestamp.from(now)).query(String.class).optional();
    }

    private static final org.springframework.jdbc.core.RowMapper<TokenRow> TOKEN = (rs, n) -> new TokenRow(
            rs.getString("token_hash").substring(0, 16), rs.getObject("user_id", UUID.class),
            rs.getTimestamp("issued_at").toInstant(), rs.getTimestamp("expires_at").toInstant(), rs.getString("emergency_reason"));
}
