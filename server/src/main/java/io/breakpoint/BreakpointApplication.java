package io.breakpoint;

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
            SpringApplication app = new SpringApplication(BreakpointApplication.class);
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setBannerMode(Banner.Mode.OFF);
            app.setDefaultProperties(java.util.Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false"));
            try (var context = app.run()) {
                System.exit(AdminCommand.run(context, args, System.out));
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
