package io.breakpoint;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A real server on a random port over an in-memory H2 database seeded with the demo (--demo). Page and
 * browser tests extend it, so they share one Spring context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, args = "--demo", properties = {
        "spring.datasource.url=jdbc:h2:mem:demo-server;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
        "breakpoint.demo.password=" + DemoServerTest.PASSWORD,
        // The demo's MSP staff and clinic IT are enrolled with the test authenticator (TestTotp).
        "breakpoint.demo.totp-secret=" + io.breakpoint.testing.TestTotp.SECRET,
        // The demo's engineers work Mon–Fri 07:00–18:00 Chicago: with routing on, what the pages show would depend on
        // the hour the suite runs. Routing has its own tests (io.breakpoint.routing).
        "breakpoint.routing.enabled=false",
        // Likewise the SLA sweep would escalate the demo's overdue tickets while a page test counts reassignments.
        "breakpoint.sla.timers.enabled=false",
        // All page tests sign in from 127.0.0.1; lockout per address has its own tests (SignInLockoutTest).
        "breakpoint.sign-in.lock-after-address=100000"})
public abstract class DemoServerTest {

    public static final String PASSWORD = "demo-password-for-tests";

    @LocalServerPort
    protected int port;

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
