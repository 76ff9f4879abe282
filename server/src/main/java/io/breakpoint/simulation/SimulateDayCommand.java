package io.breakpoint.simulation;

import org.springframework.context.ConfigurableApplicationContext;

import java.io.PrintStream;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;

/**
 * {@code java -jar breakpoint-server.jar simulate-day [--date 2026-11-24] [--tickets 120]}: replays a clinic day on an
 * in-memory database of its own (never the configured one) and prints the KPIs the desk reached. It runs as fast as
 * the machine allows: the simulated clock moves in half-minute steps, so there is no speed to choose.
 */
public final class SimulateDayCommand {

    public static final String USAGE = """
            Usage: java -jar breakpoint-server.jar simulate-day [--date YYYY-MM-DD] [--tickets N]
              Replays a clinic day (a weekday; default: the next Tuesday) with about N ordinary tickets (default 120, at most
              5000) plus a site-wide outage burst and a phishing wave, on an in-memory database, and prints the desk's KPIs.""";

    public record Options(LocalDate date, int tickets) {
    }

    private SimulateDayCommand() {
    }

    /** The options, or null with the problem printed to {@code err}. */
    public static Options parse(String[] args, PrintStream err) {
        LocalDate date = LocalDate.now().with(TemporalAdjusters.next(DayOfWeek.TUESDAY));
        int tickets = 120;
        try {
            for (int i = 1; i < args.length; i++) {
                if (i + 1 >= args.length) throw new IllegalArgumentException();
                switch (args[i]) {
                    case "--date" -> date = LocalDate.parse(args[++i]);
                    case "--tickets" -> tickets = Integer.parseInt(args[++i]);
                    default -> throw new IllegalArgumentException();
                }
            }
        } catch (IllegalArgumentException | DateTimeParseException e) {
            err.println(USAGE);
            return null;
        }
        if (date.getDayOfWeek().getValue() > 5 || tickets < 0 || tickets > 5000) {
            err.println("Choose a weekday (the clinics are closed at weekends) and 0 to 5000 tickets.\n" + USAGE);
            return null;
        }
        return new Options(date, tickets);
    }

    /** Properties of the simulation's own context: an in-memory database, the simulated clock, no background sweeps. */
    public static Map<String, Object> properties() {
        return Map.of("breakpoint.simulation.enabled", "true",
                "spring.datasource.url", "jdbc:h2:mem:simday_" + UUID.randomUUID().toString().replace("-", "")
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1;DB_CLOSE_ON_EXIT=FALSE",
                "breakpoint.sla.timers.enabled", "false",
                "breakpoint.triage.retrain.cron", "-",
                "breakpoint.routing.sweep", "PT1H",
                "logging.level.root", "WARN",
                "spring.main.log-startup-info", "false");
    }

    /**
     * {@link #properties()} as command-line arguments: those outrank application.properties, which names the
     * configured database (default properties would lose to it, and the simulation would write into that database).
     */
    public static String[] arguments() {
        return properties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    public static int run(ConfigurableApplicationContext context, Options options, PrintStream out) {
        long t0 = System.nanoTime();
        DayKpis kpis = context.getBean(DaySimulation.class).run(options.date(), options.tickets());
        out.print(kpis.report());
        out.printf("  (simulated %s in %.1f s)%n", options.date(), (System.nanoTime() - t0) / 1e9);
        return kpis.routingViolations().isEmpty() ? 0 : 1;
    }
}
