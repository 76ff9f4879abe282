package io.breakpoint;

import io.breakpoint.audit.AuditCommand;
import io.breakpoint.identity.AdminCommand;
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
        if (args.length > 0 && "admin".equals(args[0])) {
            String problem = AdminCommand.check(args);
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            try (var context = commandLine().run()) {
                System.exit(AdminCommand.run(context, args, System.out));
            }
        }
        if (args.length > 0 && "audit".equals(args[0])) {
            String problem = AuditCommand.check(args);
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            try (var context = commandLine().run()) {
                System.exit(AuditCommand.run(context, System.out));
            }
        }
        SpringApplication.run(BreakpointApplication.class, args);
    }

    /** The application without web server and quiet, for a command that runs and exits. */
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
