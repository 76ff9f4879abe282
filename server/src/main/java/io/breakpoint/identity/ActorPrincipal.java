package io.breakpoint.identity;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import java.util.Collection;
import java.util.List;

/** Spring Security's view of an {@link Actor}: authorities are {@code ROLE_<role>}. */
public record ActorPrincipal(Actor actor, String passwordHash, boolean enabled) implements UserDetails {

    /** The signed-in authentication of an actor whose credentials were already checked (token, session, CLI). */
    public static Authentication authenticated(Actor actor) {
        ActorPrincipal p = new ActorPrincipal(actor, "", true);
        return UsernamePasswordAuthenticationToken.authenticated(p, null, p.getAuthorities());
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + actor.role().name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return actor.email();
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }
}
