package io.breakpoint.identity.internal;

import io.breakpoint.identity.ActorPrincipal;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.beans.factory.annotation.Value;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Two ways in: the API under /api/** takes bearer tokens and keeps no session; everything else is the web
 * UI with a session cookie, a login form (then the MFA step where needed), CSRF protection, an idle and an absolute
 * session limit. Both send a strict Content-Security-Policy, frame denial and no referrer; HSTS on TLS requests
 * (Spring Security writes it only on secure requests).
 */
@Configuration
@EnableMethodSecurity
public class SecurityConfig {

    /**
     * No observation per security filter, per authentication and per authorization decision: with a registry present
     * Spring Security wraps each of the chain's filters in one, which cost intake more than the filters themselves.
     * Requests are still measured as a whole (http.server.requests).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    /**
     * The password step of the login form, through {@link SignIn} (throttled, audited, the same answer for every
     * kind of failure). Being the only AuthenticationProvider bean, it is the only way a password is checked.
     */
    @Bean
    AuthenticationProvider passwordStep(SignIn signIn, IdentityStore store) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
                Object credentials = authentication.getCredentials();
                var person = signIn.password(authentication.getName(), credentials == null ? "" : credentials.toString(), address)
                        .orElseThrow(() -> new BadCredentialsException("Sign-in failed"));
                return ActorPrincipal.authenticated(store.actorOf(person));
            }

            @Override
            public boolean supports(Class<?> type) {
                return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
            }
        };
    }

    @Bean
    @ConditionalOnWebApplication // the CLI (admin create) runs without a web server: no HttpSecurity there
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens) throws Exception {
        http.securityMatcher("/api/**")
                .csrf(c -> c.disable()) // bearer tokens are not sent by browsers on their own: no CSRF to guard against
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/token").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new BearerTokenFilter(tokens), UsernamePasswordAuthenticationFilter.class)
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> Problems.write(res, 401, "Unauthorized",
                                "Sign in first: send 'Authorization: Bearer <token>' from POST /api/v1/auth/token."))
                        .accessDeniedHandler((req, res, ex) -> Problems.write(res, 403, "Forbidden",
                                "Your role does not allow this.")));
        return http.build();
    }

    @Bean
    @ConditionalOnWebApplication // the CLI (admin create) runs without a web server: no HttpSecurity there
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, ActorCache actors, SignIn signIn, IdentityStore store,
                            @Value("${breakpoint.auth.session-max:PT12H}") Duration sessionMax, Clock clock) throws Exception {
        http.addFilterAfter(new SessionActorRefresh(actors), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new SessionLimit(sessionMax, clock), SessionActorRefresh.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/login/mfa", "/login/mfa/enrol", "/login/mfa/enrol/qr.svg", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").successHandler(new PasswordAccepted(signIn, store, clock)).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut")
                        .addLogoutHandler((request, response, authentication) -> {
                            if (authentication != null && authentication.getPrincipal() instanceof ActorPrincipal p) {
                                store.person(p.actor().userId()).ifPresent(signIn::signedOut);
                            }
                        }))
                .headers(h -> h
                        .contentSecurityPolicy(c -> c.policyDirectives(CONTENT_SECURITY_POLICY))
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * No inline script or style and no eval (htmx runs with allowEval false, see layout.html); nothing may frame the
     * desk; forms post only to the desk. Pages add nothing from other origins, so 'self' is all they need.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    /** Session attribute: when the person completed sign-in (password and second factor), for the absolute limit. */
    public static final String SIGNED_IN_AT = "breakpoint.signedInAt";
    /** Session attribute: a person who passed the password step and still owes the second factor. */
    public static final String PENDING = "breakpoint.mfaPending";

    /** Who passed the password step, and when (the MFA step must follow within a few minutes). */
    public record Pending(java.util.UUID userId, Instant at) implements java.io.Serializable {
    }

    /**
     * After the password: people who need a second factor are signed out again and sent to the MFA step (or to
     * enrolment, before anything else); the others are signed in.
     */
    static final class PasswordAccepted implements AuthenticationSuccessHandler {
        private final SignIn signIn;
        private final IdentityStore store;
        private final Clock clock;

        PasswordAccepted(SignIn signIn, IdentityStore store, Clock clock) {
            this.signIn = signIn;
            this.store = store;
            this.clock = clock;
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException {
            var actor = ((ActorPrincipal) authentication.getPrincipal()).actor();
            var person = store.person(actor.userId()).orElseThrow();
            HttpSession session = request.getSession();
            if (signIn.mfaRequired(person)) {
                SecurityContextHolder.clearContext();
                session.removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
                session.setAttribute(PENDING, new Pending(person.id(), clock.instant()));
                response.sendRedirect(request.getContextPath() + (signIn.enrolled(person.id()) ? "/login/mfa" : "/login/mfa/enrol"));
                return;
            }
            signIn.signedIn(person, "on the web");
            session.setAttribute(SIGNED_IN_AT, clock.instant());
            response.sendRedirect(request.getContextPath() + "/");
        }
    }

    /** Signs a web session out once it is older than the absolute limit, however active it was. */
    static final class SessionLimit extends OncePerRequestFilter {
        private final Duration max;
        private final Clock clock;

        SessionLimit(Duration max, Clock clock) {
            this.max = max;
            this.clock = clock;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            HttpSession session = request.getSession(false);
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (session != null && auth != null && auth.getPrincipal() instanceof ActorPrincipal) {
                Object at = session.getAttribute(SIGNED_IN_AT);
                if (at == null) {
                    session.setAttribute(SIGNED_IN_AT, clock.instant());
                } else if (((Instant) at).plus(max).isBefore(clock.instant())) {
                    SecurityContextHolder.clearContext();
                    session.invalidate();
                    response.sendRedirect(request.getContextPath() + "/login?expired");
                    return;
                }
            }
            chain.doFilter(request, response);
        }
    }

    /**
     * A session keeps the actor of sign-in time; this swaps in the current one for each request (role,
     * organizations), and signs out a disabled or deleted account.
     */
    static final class SessionActorRefresh extends OncePerRequestFilter {
        private final ActorCache actors;

        SessionActorRefresh(ActorCache actors) {
            this.actors = actors;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            var auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth != null && auth.getPrincipal() instanceof ActorPrincipal p) {
                var current = actors.actor(p.actor().userId());
                if (current.isEmpty()) {
                    SecurityContextHolder.clearContext();
                    var session = request.getSession(false);
                    if (session != null) session.invalidate();
                } else if (!current.get().equals(p.actor())) {
                    var context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(ActorPrincipal.authenticated(current.get()));
                    SecurityContextHolder.setContext(context);
                }
            }
            chain.doFilter(request, response);
        }
    }

    /** Turns a valid bearer token into the request's authentication; an invalid one is a 401 at once. */
    static final class BearerTokenFilter extends OncePerRequestFilter {
        private final ApiTokens tokens;

        BearerTokenFilter(ApiTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                var actor = tokens.authenticate(header.substring(7).strip());
                if (actor.isEmpty()) {
                    Problems.write(response, 401, "Unauthorized", "The token is unknown, expired or revoked; sign in again.");
                    return;
                }
                SecurityContextHolder.getContext().setAuthentication(ActorPrincipal.authenticated(actor.get()));
            }
            chain.doFilter(request, response);
        }
    }
}
