package io.breakpoint.identity.internal;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.PersonSummary;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, checks and revokes bearer tokens. Tokens are random and stored only as SHA-256 hashes. A checked
 * token is remembered for a few seconds so that a burst of API calls does not re-read the user each time (see {@link ActorCache});
 * revoking evicts it here at once (another instance notices within {@link #REMEMBER}).
 */
@Service
public class ApiTokens {

    static final Duration REMEMBER = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityStore store;
    private final ActorCache actors;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final Duration ttl;
    private final String dummyHash;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    public record Issued(String token, Instant expiresAt, Actor actor) {
    }

    private record Remembered(UUID userId, Instant until) {
    }

    ApiTokens(IdentityStore store, ActorCache actors, PasswordEncoder passwords, Clock clock,
              @Value("${breakpoint.auth.token-ttl:PT12H}") Duration ttl) {
        this.store = store;
        this.actors = actors;
        this.passwords = passwords;
        this.clock = clock;
        this.ttl = ttl;
        this.dummyHash = passwords.encode("not-a-real-password-" + RANDOM.nextLong());
    }

    /** A new token for valid credentials; empty for a wrong password, an unknown or a disabled account alike. */
    @Transactional
    public Optional<Issued> issue(String email, String password) {
        String e = email == null ? "" : email.strip();
        // No account has a NUL in its email; PostgreSQL would refuse to even look for one.
        Optional<IdentityStore.Account> account = e.indexOf('\u0000') >= 0 ? Optional.empty() : store.accountByEmail(e);
        if (account.isEmpty()) {
            passwords.matches(password, dummyHash); // same work as a real check: no timing hint that the account is unknown
            return Optional.empty();
        }
        PersonSummary person = account.get().person();
        if (!passwords.matches(password, account.get().passwordHash()) || !person.enabled()) {
            return Optional.empty();
        }
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "bpt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(ttl);
        store.insertToken(hash(token), person.id(), now, expires);
        return Optional.of(new Issued(token, expires, store.actorOf(person)));
    }

    public Optional<Actor> authenticate(String token) {
        String hash = hash(token);
        Instant now = clock.instant();
        Remembered r = recent.get(hash);
        UUID owner = r != null && r.until().isAfter(now) ? r.userId() : null;
        if (owner == null) {
            Optional<UUID> found = store.tokenOwner(hash, now);
            if (found.isEmpty()) {
                recent.remove(hash);
                return Optional.empty();
            }
            owner = found.get();
            recent.put(hash, new Remembered(owner, now.plus(REMEMBER)));
            if (recent.size() > 50_000) recent.values().removeIf(x -> x.until().isBefore(now));
        }
        return actors.actor(owner);
    }

    @Transactional
    public boolean revoke(String token) {
        String hash = hash(token);
        recent.remove(hash);
        return store.revokeToken(hash, clock.instant()) > 0;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
