package io.breakpoint.telemetry.internal;

import io.breakpoint.agent.protocol.DeviceCredentials;
import io.breakpoint.telemetry.AuthenticatedDevice;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;

/**
 * The agent routes take the device's own credential, {@code Authorization: Device <id>:<secret>}, and nothing
 * else; they are a chain of their own ahead of the API chain (which takes people's bearer tokens), so a person's
 * token cannot post telemetry and a device's secret cannot read tickets. Enrollment needs no credential: the
 * site's enrollment code is one.
 */
@Configuration
class DeviceSecurity {

    static final String[] AGENT_ROUTES = {"/api/v1/agent/**", "/api/v1/telemetry", "/api/v1/devices/*/slowness-reports"};

    @Bean
    @ConditionalOnWebApplication
    @Order(0)
    SecurityFilterChain agents(HttpSecurity http, JdbcClient jdbc) throws Exception {
        http.securityMatcher(AGENT_ROUTES)
                .csrf(c -> c.disable()) // no cookies on these routes: nothing for CSRF to abuse
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.POST, "/api/v1/agent/enrollments").permitAll()
                        .anyRequest().authenticated())
                .addFilterBefore(new DeviceFilter(jdbc), UsernamePasswordAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problem(res, 401, "Unauthorized",
                                "Agent routes take 'Authorization: Device <deviceId>:<secret>' from enrollment."))
                        .accessDeniedHandler((req, res, ex) -> problem(res, 403, "Forbidden", "Not for devices.")));
        return http.build();
    }

    /** The device behind a credential, if the credential is right and the device is not retired. */
    static final class DeviceFilter extends OncePerRequestFilter {
        private final JdbcClient jdbc;

        DeviceFilter(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        private record Row(UUID siteId, UUID organizationId, String secretHash, boolean retired) {
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.startsWith(DeviceCredentials.SCHEME + " ")) {
                DeviceCredentials credentials = DeviceCredentials.parse(header);
                Row row = credentials == null ? null : jdbc.sql("select site_id, organization_id, secret_hash, retired from devices where id = ?")
                        .param(credentials.deviceId())
                        .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getBoolean(4)))
                        .optional().orElse(null);
                if (row == null || !Secrets.same(row.secretHash(), Secrets.sha256(credentials.secret()))) {
                    problem(response, 401, "Unauthorized", "The device id or secret is wrong; enroll the device again if it was reset.");
                    return;
                }
                if (row.retired()) {
                    problem(response, 401, "Unauthorized", "This device was retired; enroll it again with a new code.");
                    return;
                }
                var device = new AuthenticatedDevice(credentials.deviceId(), row.siteId(), row.organizationId());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(new DeviceAuthentication(device));
                SecurityContextHolder.setContext(context);
            }
            chain.doFilter(request, response);
        }
    }

    static final class DeviceAuthentication extends AbstractAuthenticationToken {
        private final AuthenticatedDevice device;

        DeviceAuthentication(AuthenticatedDevice device) {
            super(AuthorityUtils.createAuthorityList("ROLE_DEVICE"));
            this.device = device;
            setAuthenticated(true);
        }

        @Override
        public Object getCredentials() {
            return "";
        }

        @Override
        public Object getPrincipal() {
            return device;
        }
    }

    /** An RFC 9457 problem from a filter, where no controller advice runs. */
    static void problem(HttpServletResponse res, int status, String title, String detail) throws IOException {
        res.setStatus(status);
        res.setContentType("application/problem+json");
        res.setCharacterEncoding("UTF-8");
        res.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail.replace("\"", "\\\"") + "\"}");
    }
}
