package io.breakpoint.simulation;

import io.breakpoint.BreakpointApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast form of the simulated clinic day (issue 3, item 7): a small day through the real triage, routing and SLA
 * machinery, the way {@code simulate-day} runs it. It checks that the pieces work together — every ticket triaged and
 * promised, routing never gives a ticket to someone without the skill, tier, organization or shift — and prints the
 * KPIs; it does not hold the desk to PRODUCT.md's targets (a handful of simulated engineers decide those).
 */
class SimulatedClinicDayTest {

    static ConfigurableApplicationContext context;

    @BeforeAll
    static void start() {
        SpringApplication app = new SpringApplication(BreakpointApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        context = app.run(SimulateDayCommand.arguments());
    }

    @AfterAll
    static void stop() {
        if (context != null) context.close();
    }

    @Test
    void aSmallClinicDayRunsThroughTheRealDeskAndRoutingNeverBreaksItsRules() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = SimulateDayCommand.run(context, new SimulateDayCommand.Options(LocalDate.of(2026, 11, 24), 60),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String report = out.toString(StandardCharsets.UTF_8);
        System.out.println(report);

        DayKpis k = context.getBean(DaySimulation.class).lastKpis();
        assertThat(k.routingViolations()).as(report).isEmpty();
        assertThat(rc).isZero();
        assertThat(k.tickets()).as("60 everyday tickets, an outage burst of 8 and a phishing wave of 12").isEqualTo(80);
        assertThat(k.routedAutomatically()).as("routing gave out tickets by itself").isPositive();
        assertThat(k.humanResponses()).as("simulated engineers answered").isGreaterThan(k.tickets() / 2);
        assertThat(k.sameDayResolutionRate()).isGreaterThan(0);
        assertThat(report).contains("first response (humans)").contains("same-day resolution").contains("pass-around")
                .contains("SLA first response met").contains("routing violations        0");
    }

    @Test
    void theCommandRefusesWeekendsAndNonsense() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        assertThat(SimulateDayCommand.parse(new String[]{"simulate-day", "--date", "2026-11-28"}, e)).isNull();
        assertThat(SimulateDayCommand.parse(new String[]{"simulate-day", "--tickets", "many"}, e)).isNull();
        assertThat(SimulateDayCommand.parse(new String[]{"simulate-day", "--speed"}, e)).isNull();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("Choose a weekday").contains("Usage: java -jar");
        assertThat(SimulateDayCommand.parse(new String[]{"simulate-day", "--date", "2026-11-24", "--tickets", "10"}, e))
                .isEqualTo(new SimulateDayCommand.Options(LocalDate.of(2026, 11, 24), 10));
    }
}
