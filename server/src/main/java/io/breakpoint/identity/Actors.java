package io.breakpoint.identity;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** Reads the current {@link Actor} from the security context, whichever way the caller signed in. */
public final class Actors {
    private Actors() {
    }

    public static Actor current() {
        return currentIfAny().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Not signed in"));
    }

    /** Runs work as the given actor (the CLI and the demo seeder have no signed-in user). */
    public static void runAs(Actor actor, Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(ActorPrincipal.authenticated(actor));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static Optional<Actor> currentIfAny() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) return Optional.empty();
        if (auth.getPrincipal() instanceof ActorPrincipal p) return Optional.of(p.actor());
        return Optional.empty();
    }
}
