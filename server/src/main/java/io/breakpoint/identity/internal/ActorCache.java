package io.breakpoint.identity.internal;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.PersonSummary;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current actor of a user, re-read at most every few seconds. Sessions and tokens both go through it,
 * so a role change, a new organization or a disabled account takes effect on the next request, not at the
 * next sign-in. Admin changes clear it at once on this instance.
 */
@Component
public class ActorCache {

    static final Duration REMEMBER = Duration.ofSeconds(5);

    private final IdentityStore store;
    private final Clock clock;
    private final Map<UUID, Remembered> recent = new ConcurrentHashMap<>();

    private record Remembered(Actor actor, Instant until) {
    }

    ActorCache(IdentityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The user's actor, or empty when the user no longer exists or is disabled. */
    public Optional<Actor> actor(UUID userId) {
        Instant now = clock.instant();
        Remembered r = recent.get(userId);
        if (r != null && r.until().isAfter(now)) return Optional.of(r.actor());
        Optional<Actor> actor = store.person(userId).filter(PersonSummary::enabled).map(store::actorOf);
        actor.ifPresentOrElse(a -> recent.put(userId, new Remembered(a, now.plus(REMEMBER))), () -> recent.remove(userId));
        return actor;
    }

    public void clear() {
        recent.clear();
    }
}
