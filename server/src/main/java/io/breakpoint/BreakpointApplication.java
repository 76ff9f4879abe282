package io.breakpoint;

import io.breakpoint.common.SecretsCommand;
import io.breakpoint.identity.AdminCommand;
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
        if (args.length > 0 && java.util.Set.of("admin", "break-glass", "secrets").contains(args[0])) {
            String problem = switch (args[0]) {
                case "admin" -> AdminCommand.check(args);
                case "break-glass" -> BreakGlassCommand.check(args);
                default -> SecretsCommand.check(args);
            };
            if (problem != null) {
                System.err.println(problem);
                System.exit(2);
            }
            SpringApplication app = new SpringApplication(BreakpointApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setBannerMode(Banner.Mode.OFF);
            app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false"));
            try (var context = app.run()) {
                System.exit(switch (args[0]) {
                    case "admin" -> AdminCommand.run(context, args, System.out);
                    case "break-glass" -> BreakGlassCommand.run(context, args, System.out);
                    default -> SecretsCommand.run(context, args, System.out);
                });
            }
        }
        SpringApplication.run(BreakpointApplication.class, args);
    }

    /** One clock for the whole desk, so tests can fix time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
