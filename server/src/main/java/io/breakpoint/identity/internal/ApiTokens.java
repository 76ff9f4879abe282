package io.breakpoint.identity.internal;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.PersonSummary;
import org.springframework.beans.factory.annotation.Value;
import io.breakpoint.identity.IdentityChanged;
import org.springframework.context.ApplicationEventPublisher;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Issues, checks, lists and revokes bearer tokens. Tokens are random and stored only as SHA-256 hashes. A checked
 * token is remembered for a few seconds so that a burst of API calls does not re-read the user each time (see {@link ActorCache});
 * revoking evicts it here at once (another instance notices within {@link #REMEMBER}).
 */
@Service
public class ApiTokens {

    static final Duration REMEMBER = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityStore store;
    private final SignInStore tokens;
    private final ActorCache actors;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final Duration ttl;
    private final Map<String, Remembered> recent = new ConcurrentHashMap<>();

    public record Issued(String token, Instant expiresAt, Actor actor) {
    }

    private record Remembered(UUID userId, Instant until) {
    }

    ApiTokens(IdentityStore store, SignInStore tokens, ActorCache actors, Clock clock, ApplicationEventPublisher events,
              @Value("${breakpoint.auth.token-ttl:PT12H}") Duration ttl) {
        this.store = store;
        this.tokens = tokens;
        this.actors = actors;
        this.clock = clock;
        this.events = events;
        this.ttl = ttl;
    }

    /** A new token for a person who has signed in (password and, where needed, second factor). */
    @Transactional
    public Issued issue(PersonSummary person) {
        return issue(person, ttl, null);
    }

    /**
     * A token that lives {@code lifetime}; with an {@code emergencyReason} it is a break-glass token, listed on the
     * admin page until it expires.
     */
    @Transactional
    public Issued issue(PersonSummary person, Duration lifetime, String emergencyReason) {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = "bpt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        String hash = hash(token);
        tokens.insertToken(hash, person.id(), now, expires, emergencyReason);
        Actor actor = store.actorOf(person);
        events.publishEvent(new IdentityChanged(actor, emergencyReason == null ? "TOKEN_ISSUED" : "BREAK_GLASS_TOKEN_ISSUED",
                SignIn.organizationOf(person), person.email() + ": token " + hash.substring(0, 16) + " until " + expires
                + (emergencyReason == null ? "" : ", reason: " + emergencyReason)));
        return new Issued(token, expires, actor);
    }

    /** The live tokens of a person. */
    public List<SignInStore.TokenRow> live(UUID userId) {
        return tokens.liveTokens(userId, clock.instant());
    }

    /** Revokes a live token of {@code owner} by its id; false when there is no such live token. */
    @Transactional
    public boolean revoke(Actor by, PersonSummary owner, String id) {
        Optional<String> hash = tokens.liveTokenHash(owner.id(), id, clock.instant());
        if (hash.isEmpty()) return false;
        recent.remove(hash.get());
        store.revokeToken(hash.get(), clock.instant());
        events.publishEvent(new IdentityChanged(by, "TOKEN_REVOKED", SignIn.organizationOf(owner),
                owner.email() + ": token " + id + (by != null && by.userId().equals(owner.id()) ? " by its owner" : " by an admin")));
        return true;
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

    /** Revokes the token itself (sign-out). */
    @Transactional
    public boolean revoke(String token) {
        String hash = hash(token);
        recent.remove(hash);
        Optional<Actor> owner = store.tokenOwner(hash, clock.instant()).flatMap(actors::actor);
        boolean revoked = store.revokeToken(hash, clock.instant()) > 0;
        if (revoked && owner.isPresent()) {
            Actor a = owner.get();
            events.publishEvent(new IdentityChanged(a, "TOKEN_REVOKED", a.role().isMspRole() ? null : a.organizationId(),
                    a.email() + ": token " + hash.substring(0, 16) + " signed out"));
        }
        return revoked;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
