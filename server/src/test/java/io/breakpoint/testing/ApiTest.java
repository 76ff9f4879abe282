package io.breakpoint.testing;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Base of the end-to-end API tests: the whole server on a random port, seeded with {@link Clinics}. A test class
 * holds its tests in an abstract class extending this one and declares, in the same file, one concrete subclass per
 * database, annotated {@link OnH2} or {@link OnPostgres}. All classes on one database share one Spring context
 * (same configuration), so the suite starts two servers in all; tests therefore never assume an empty database:
 * they create what they need and look at what they created.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.main.banner-mode=off",
        "logging.level.root=WARN",
        "logging.level.io.breakpoint=INFO",
        // Tests sweep SLA timers when they mean to (SlaTimers.sweep), not every 15 s behind other tests.
        "breakpoint.sla.timers.enabled=false",
        // Tests submit many tickets as the same few people; the limit's own test lowers it (SubmissionLimit.perMinute).
        "breakpoint.tickets.rate-limit.per-minute=100000",
        // Every test signs in from 127.0.0.1, and IsolationTest tries wrong passwords for B's people with every role:
        // the lockout thresholds are raised so that one test's failures do not lock another's sign-in.
        "breakpoint.sign-in.lock-after-account=20",
        "breakpoint.sign-in.lock-after-address=100000"})
@Import(Clinics.class)
public abstract class ApiTest {

    @LocalServerPort
    protected int port;
    @Autowired
    protected Clinics clinics;
    @Autowired
    protected JdbcClient jdbc;

    protected Api api;

    @BeforeEach
    void connect() {
        api = Api.at(port);
        // People a test creates in MSP roles need MFA: the first API sign-in enrols them with the test app.
        Api.enrolNewcomersWith(port, clinics::enrolNewcomers);
    }

    protected long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    /** A ticket as a requester submits it; change what the test is about. */
    protected static NewTicketBody aTicket() {
        return new NewTicketBody();
    }

    /** Submits the ticket as {@code who} and returns it (201 expected). */
    protected JsonNode opens(Clinics.Person who, NewTicketBody ticket) {
        return api.as(who).post("/api/v1/tickets", ticket.json()).expect(201);
    }

    protected static UUID id(JsonNode node) {
        return UUID.fromString(node.path("id").asString());
    }

    public static final class NewTicketBody {
        private final Map<String, Object> fields = new LinkedHashMap<>();

        private NewTicketBody() {
            fields.put("subject", "EMR is slow in exam room 3");
            fields.put("description", "Charts take a minute to open since this morning.");
        }

        public NewTicketBody about(String subject) {
            fields.put("subject", subject);
            return this;
        }

        public NewTicketBody describedAs(String description) {
            fields.put("description", description);
            return this;
        }

        public NewTicketBody at(UUID siteId) {
            fields.put("siteId", siteId.toString());
            return this;
        }

        public NewTicketBody with(String field, Object value) {
            fields.put(field, value);
            return this;
        }

        public Map<String, Object> json() {
            return fields;
        }
    }
}
