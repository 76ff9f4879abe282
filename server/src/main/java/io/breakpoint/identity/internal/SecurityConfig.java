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
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
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
 * UI with a session cookie, a login form and CSRF protection.
 */
@Configuration
@EnableMethodSecurity
class SecurityConfig {

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(10);
    }

    @Bean
    UserDetailsService userDetailsService(IdentityStore store) {
        return email -> store.accountByEmail(email)
                .map(a -> new ActorPrincipal(store.actorOf(a.person()), a.passwordHash(), a.person().enabled()))
                .orElseThrow(() -> new UsernameNotFoundException("unknown"));
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
    SecurityFilterChain web(HttpSecurity http, ActorCache actors) throws Exception {
        http.addFilterAfter(new SessionActorRefresh(actors), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico",
                                "/actuator/health/**", "/actuator/health", "/actuator/prometheus",
                                "/v3/api-docs/**", "/v3/api-docs", "/swagger-ui/**", "/swagger-ui.html").permitAll()
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
                .headers(h -> h
                        .frameOptions(f -> f.deny())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
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
