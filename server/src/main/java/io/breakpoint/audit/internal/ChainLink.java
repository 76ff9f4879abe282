package io.breakpoint.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * One audit record as it is sealed into the chain: its fields, its place ({@code seq}) and the hash of the record
 * before it. The hash is SHA-256 over a canonical text of exactly these values (see {@link #canonical()}), so anyone
 * holding an export can recompute it. The database id is not part of it: it is a surrogate key, the chain order is
 * {@code seq}.
 */
public record ChainLink(long seq, Instant at, UUID actorId, String actorEmail, UUID organizationId, UUID ticketId,
                        String action, String channel, String remoteAddress, String detail, String previousHash) {

    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    public ChainLink {
        // Both databases keep microseconds; sealing nanoseconds the database then drops would break every link.
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * {@code breakpoint-audit-v1} and then one line per field, {@code name=length:value} ({@code name=~} for no value).
     * Length-prefixed values cannot be confused whatever characters a detail holds.
     */
    public String canonical() {
        StringBuilder s = new StringBuilder("breakpoint-audit-v1");
        field(s, "seq", Long.toString(seq));
        field(s, "at", DateTimeFormatter.ISO_INSTANT.format(at));
        field(s, "actor_id", actorId == null ? null : actorId.toString());
        field(s, "actor_email", actorEmail);
        field(s, "organization_id", organizationId == null ? null : organizationId.toString());
        field(s, "ticket_id", ticketId == null ? null : ticketId.toString());
        field(s, "action", action);
        field(s, "channel", channel);
        field(s, "remote_address", remoteAddress);
        field(s, "detail", detail);
        field(s, "prev_hash", previousHash);
        return s.toString();
    }

    public String hash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }

    private static void field(StringBuilder s, String name, String value) {
        s.append('\n').append(name).append('=');
        if (value == null) s.append('~');
        else s.append(value.length()).append(':').append(value);
    }
}
