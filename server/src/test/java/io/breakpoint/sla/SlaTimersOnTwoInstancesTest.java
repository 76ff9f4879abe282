package io.breakpoint.sla;

import io.breakpoint.BreakpointApplication;
import io.breakpoint.sla.internal.SlaTimers;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.PostgresDatabase;
import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import io.breakpoint.tickets.TicketImport;
import io.breakpoint.tickets.TicketImport.PastTicket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.*;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server instances on one PostgreSQL database of their own, both sweeping every 200 ms, one of them stopped
 * while a timer falls due and started again: every warning and breach is recorded once, and each ticket whose
 * first response was missed is escalated once.
 */
class SlaTimersOnTwoInstancesTest {

    private final String url = PostgresDatabase.another();
    private ConfigurableApplicationContext a;
    private ConfigurableApplicationContext b;

    @AfterEach
    void stop() {
        if (b != null) b.close();
        if (a != null) a.close();
    }

    @Test
    void everyTimerFiresOnceAcrossTwoInstancesAndARestart() throws Exception {
        a = start(true);
        b = start(false);
        Clinics clinics = a.getBean(Clinics.class);
        TicketImport imports = a.getBean(TicketImport.class);
        JdbcClient jdbc = a.getBean(JdbcClient.class);

        UUID p2 = imported(clinics, imports, Priority.P2, Duration.ofDays(10));
        UUID p1 = imported(clinics, imports, Priority.P1, Duration.ofMinutes(210));
        UUID p3 = imported(clinics, imports, Priority.P3, Duration.ofDays(10));
        // Besides the scheduled sweeps (one at a time, by ShedLock), both instances sweep by hand at the same moment:
        // only the (ticket, kind) rows stand between them and a double escalation.
        sweepTogether(a.getBean(SlaTimers.class), b.getBean(SlaTimers.class));
        eventually(() -> count(jdbc, "select count(*) from sla_events") == 6);

        // A P1 whose first response falls due in 3 s; instance A stops before it does, B alone is left to fire it.
        UUID soon = imported(clinics, imports, Priority.P1, Duration.ofSeconds(117));
        a.close();
        a = null;
        JdbcClient viaB = b.getBean(JdbcClient.class);
        eventually(() -> kinds(viaB, soon).contains("FIRST_RESPONSE_BREACH"));
        a = start(false);
        Thread.sleep(1_000); // several scheduled sweeps of both
        assertThat(a.getBean(SlaTimers.class).sweep()).isZero();
        assertThat(b.getBean(SlaTimers.class).sweep()).isZero();

        JdbcClient db = a.getBean(JdbcClient.class);
        assertThat(kinds(db, p2)).containsExactlyInAnyOrder("FIRST_RESPONSE_BREACH", "RESOLUTION_BREACH");
        assertThat(kinds(db, p1)).containsExactlyInAnyOrder("FIRST_RESPONSE_BREACH", "RESOLUTION_WARNING");
        assertThat(kinds(db, p3)).containsExactlyInAnyOrder("FIRST_RESPONSE_BREACH", "RESOLUTION_BREACH");
        assertThat(kinds(db, soon)).containsExactlyInAnyOrder("FIRST_RESPONSE_WARNING", "FIRST_RESPONSE_BREACH");
        Map<UUID, Long> escalations = Map.of(p2, 1L, p1, 1L, p3, 0L, soon, 1L);
        escalations.forEach((id, n) -> {
            assertThat(entries(db, id, "ESCALATED")).as("escalations of %s", id).isEqualTo(n);
            assertThat(entries(db, id, "SLA_BREACH") + entries(db, id, "SLA_WARNING")).isEqualTo(kinds(db, id).size());
            assertThat(count(db, "select tier from tickets where id = '" + id + "'")).isEqualTo(1 + n);
        });
    }

    private ConfigurableApplicationContext start(boolean seed) throws Exception {
        Class<?>[] sources = seed ? new Class<?>[]{BreakpointApplication.class, Clinics.class} : new Class<?>[]{BreakpointApplication.class};
        return new SpringApplicationBuilder(sources).web(WebApplicationType.NONE).bannerMode(Banner.Mode.OFF).run(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + PostgresDatabase.user(),
                "--spring.datasource.password=" + PostgresDatabase.password(),
                "--breakpoint.data-dir=" + Files.createTempDirectory("bp-two-instances"),
                "--breakpoint.sla.timers.every=PT0.2S",
                "--breakpoint.sla.timers.first-after=PT0S",
                "--breakpoint.sla.timers.lock-at-most-for=PT2S",
                "--logging.level.root=WARN",
                "--spring.main.log-startup-info=false");
    }

    private static UUID imported(Clinics clinics, TicketImport imports, Priority priority, Duration ago) {
        Instant opened = Instant.now().minus(ago);
        UUID[] id = new UUID[1];
        clinics.asMspAdmin(() -> id[0] = imports.importTicket(new PastTicket(clinics.chesterfield(), clinics.ellis().id(),
                "Check-in kiosk frozen (" + priority + ")", "The kiosk at the front desk shows a frozen screen.",
                Category.ENDPOINT_HARDWARE, priority, 1, null, opened, List.of())));
        return id[0];
    }

    private static void sweepTogether(SlaTimers one, SlaTimers other) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            Future<Integer> x = pool.submit(() -> { go.await(); return one.sweep(); });
            Future<Integer> y = pool.submit(() -> { go.await(); return other.sweep(); });
            go.countDown();
            x.get(30, TimeUnit.SECONDS);
            y.get(30, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void eventually(BooleanSupplier condition) throws InterruptedException {
        Instant until = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(until)) throw new AssertionError("Not within 30 s");
            Thread.sleep(100);
        }
    }

    private static List<String> kinds(JdbcClient jdbc, UUID id) {
        return jdbc.sql("select kind from sla_events where ticket_id = ?").param(id).query(String.class).list();
    }

    private static long entries(JdbcClient jdbc, UUID id, String kind) {
        return jdbc.sql("select count(*) from ticket_entries where ticket_id = ? and kind = ?").params(id, kind)
                .query(Long.class).single();
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
