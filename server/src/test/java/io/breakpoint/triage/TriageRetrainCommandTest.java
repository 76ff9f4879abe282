package io.breakpoint.triage;

import io.breakpoint.BreakpointApplication;
import io.breakpoint.triage.internal.LiveModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar breakpoint-server.jar triage retrain} on an install without corrections: the same path as
 * {@link BreakpointApplication#main} (a context without web server). With nothing new to learn the candidate equals
 * the model in use, so it is put in use and logged, and a second server started on the same database uses it.
 */
class TriageRetrainCommandTest {

    private ConfigurableApplicationContext install, restarted;

    @AfterEach
    void close() {
        if (install != null) install.close();
        if (restarted != null) restarted.close();
    }

    @Test
    void retrainsPrintsTheFiguresAndTheModelSurvivesARestart() {
        String db = "jdbc:h2:mem:retrain_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
        install = start(db);
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int rc = TriageRetraining.run(install, new PrintStream(out, true, StandardCharsets.UTF_8));

        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).as(printed).isZero();
        assertThat(printed).contains("Retrained on ").contains("0 corrections").contains("candidate:    category ")
                .contains("P1 recall 100.0%").contains("Put in use (run #1)");
        assertThat(TriageRetraining.history(install, 5)).singleElement().satisfies(r -> assertThat(r.trigger()).isEqualTo("COMMAND"));
        install.close();
        install = null;

        restarted = start(db);
        assertThat(restarted.getBean(io.breakpoint.triage.internal.TriageModels.class).latest(1).get(0).inUse()).isTrue();
        assertThat(restarted.getBean(JdbcClient.class).sql("select count(*) from triage_models where in_use").query(Long.class).single()).isEqualTo(1);
        LiveModel live = restarted.getBean(LiveModel.class);
        assertThat(live.id()).as("the restarted server triages with the retrained model").isEqualTo(1);
        assertThat(live.engine().assess("printer jammed", "paper stuck in tray 2", null, null).category().name()).isEqualTo("PRINTING_SCANNING");
    }

    @Test
    void explainsItsUsage() {
        assertThat(TriageRetraining.check(new String[]{"triage"})).isEqualTo(TriageRetraining.USAGE);
        assertThat(TriageRetraining.check(new String[]{"triage", "train"})).isEqualTo(TriageRetraining.USAGE);
        assertThat(TriageRetraining.check(new String[]{"triage", "retrain"})).isNull();
    }

    private static ConfigurableApplicationContext start(String db) {
        SpringApplication app = new SpringApplication(BreakpointApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false",
                "breakpoint.sla.timers.enabled", "false"));
        return app.run("--spring.datasource.url=" + db);
    }
}
