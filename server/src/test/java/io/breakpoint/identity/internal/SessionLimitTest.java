package io.breakpoint.identity.internal;

import io.breakpoint.identity.Actor;
import io.breakpoint.identity.ActorPrincipal;
import io.breakpoint.identity.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The absolute web session limit: however active a session is, it ends this long after sign-in. */
class SessionLimitTest {

    private static final Instant SIGNED_IN = Instant.parse("2026-03-02T08:00:00Z");

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private MockHttpServletResponse requestAt(Instant now, MockHttpSession session) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(ActorPrincipal.authenticated(
                new Actor(UUID.randomUUID(), "t1.ava@gateway.demo", "Ava Torres", Role.TIER1, UUID.randomUUID(), Set.of())));
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/console");
        request.setSession(session);
        MockHttpServletResponse response = new MockHttpServletResponse();
        new SecurityConfig.SessionLimit(Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC))
                .doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aSessionEndsTwelveHoursAfterSignInEvenWhenActive() throws Exception {
        MockHttpSession session = new MockHttpSession();
        session.setAttribute(SecurityConfig.SIGNED_IN_AT, SIGNED_IN);

        assertThat(requestAt(SIGNED_IN.plus(Duration.ofHours(11)), session).getRedirectedUrl()).isNull();
        assertThat(session.isInvalid()).isFalse();

        MockHttpServletResponse late = requestAt(SIGNED_IN.plus(Duration.ofHours(12)).plusSeconds(1), session);
        assertThat(late.getRedirectedUrl()).isEqualTo("/login?expired");
        assertThat(session.isInvalid()).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
