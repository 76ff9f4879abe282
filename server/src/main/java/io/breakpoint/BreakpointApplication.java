package io.breakpoint;

import io.breakpoint.audit.AuditCommand;
import io.breakpoint.common.SecretsCommand;
import io.breakpoint.identity.AdminCommand;
import io.breakpoint.simulation.SimulateDayCommand;
import io.breakpoint.triage.TriageRetraining;
import io.breakpoint.identity.BreakGlassCommand;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

@SpringBootApplication
@EnableScheduling
@EnableAsync // @ApplicationModuleListener work (routing) runs after the commit, off the request thread
public class BreakpointApplication {

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && java.util.Set.of("admin", "audit", "break-glass", "secrets").contains(args[0])) {
            String problem = switch (args[0]) {
                case "admin" -> AdminCommand.check(args);
                case "audit" -> AuditCommand.check(args);
                case "break-glass" -> BreakGlassCommand.check(args);
                default -> SecretsCommand.check(args);
            };
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            try (var context = commandLine().run()) {
                System.exit(switch (args[0]) {
                    case "admin" -> AdminCommand.run(context, args, System.out);
                    case "audit" -> AuditCommand.run(context, System.out);
                    case "break-glass" -> BreakGlassCommand.run(context, args, System.out);
                    default -> SecretsCommand.run(context, args, System.out);
                });
            }
        }
        if (args.length > 0 && "triage".equals(args[0])) {
            String problem = TriageRetraining.check(args);
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            SpringApplication app = commandLine();
            // The command trains and exits: the scheduled jobs (timers, routing, nightly retraining) are the servers' work.
            app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false",
                    "logging.level.io.breakpoint.triage", "INFO", "breakpoint.triage.retrain.cron", "-",
                    "breakpoint.sla.timers.enabled", "false", "breakpoint.routing.enabled", "false"));
            int rc;
            // Closed before exiting: System.exit inside the block would close the context from a shutdown hook while
            // the database is already shutting down.
            // As arguments, so they outrank application.properties (which turns routing on); the user's come last.
            java.util.List<String> run = new java.util.ArrayList<>(java.util.List.of("--breakpoint.triage.retrain.cron=-",
                    "--breakpoint.sla.timers.enabled=false", "--breakpoint.routing.enabled=false"));
            run.addAll(java.util.Arrays.asList(args).subList(2, args.length));
            try (var context = app.run(run.toArray(String[]::new))) {
                rc = TriageRetraining.run(context, System.out);
            }
            System.exit(rc);
        }
        if (args.length > 0 && "simulate-day".equals(args[0])) {
            SimulateDayCommand.Options options = SimulateDayCommand.parse(args, System.err);
            if (options == null) System.exit(2);
            SpringApplication app = commandLine();
            int rc;
            try (var context = app.run(SimulateDayCommand.arguments())) {
                rc = SimulateDayCommand.run(context, options, System.out);
            }
            System.exit(rc);
        }
        SpringApplication.run(BreakpointApplication.class, args);
    }

    /** A context without a web server for the one-shot commands. */
    private static SpringApplication commandLine() {
        SpringApplication app = new SpringApplication(BreakpointApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false"));
        return app;
    }

    /** One clock for the whole desk, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
