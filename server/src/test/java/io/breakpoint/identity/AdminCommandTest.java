package io.breakpoint.identity;

import io.breakpoint.BreakpointApplication;
import io.breakpoint.identity.internal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar breakpoint-server.jar admin create ...} on a fresh install: the same path as
 * {@link BreakpointApplication#main} (a context without web server, the password on standard input).
 */
class AdminCommandTest {

    private static final String[] CREATE = {"admin", "create", "--email", "Morgan.Price@gateway.test", "--role", "MSP_ADMIN",
            "--name", "Morgan Price", "--msp", "Gateway Health IT"};

    private ConfigurableApplicationContext install;

    @AfterEach
    void close() {
        if (install != null) install.close();
    }

    @Test
    void createsTheFirstMspAdminOnAnEmptyDatabaseAndRefusesASecond() throws Exception {
        install = freshInstall();

        Run first = run("a-long-enough-passphrase\n");
        assertThat(first.exitCode).as(first.output).isZero();
        assertThat(first.output).contains("Created MSP admin Morgan.Price@gateway.test");
        assertThat(install.getBean(SignIn.class).password("morgan.price@gateway.test", "a-long-enough-passphrase", "127.0.0.1"))
                .as("the new admin's password is accepted").hasValueSatisfying(p -> assertThat(p.role()).isEqualTo(Role.MSP_ADMIN));
        assertThat(jdbc().sql("select channel from audit_events where action = 'USER_CREATED'").query(String.class).list())
                .containsExactly("CLI");

        Run second = run("another-long-passphrase\n");
        assertThat(second.exitCode).isEqualTo(2);
        assertThat(second.output).isEqualTo("Not created: An MSP admin already exists; sign in as them to add people.\n");
        assertThat(users()).isEqualTo(1);
    }

    @Test
    void refusesAShortPasswordWithAPlainMessage() throws Exception {
        install = freshInstall();

        Run r = run("short\n");

        assertThat(r.exitCode).isEqualTo(2);
        assertThat(r.output).isEqualTo("Not created: Use at least 12 characters.\n");
        assertThat(users()).isZero();
    }

    @Test
    void refusesAnEmptyStandardInput() throws Exception {
        install = freshInstall();
        assertThat(run("").exitCode).isEqualTo(2);
        assertThat(users()).isZero();
    }

    @Test
    void explainsItsUsageAndCreatesOnlyAnMspAdmin() {
        assertThat(AdminCommand.check(new String[]{"admin"})).isEqualTo(AdminCommand.USAGE);
        assertThat(AdminCommand.check(new String[]{"admin", "create", "--email"})).isEqualTo(AdminCommand.USAGE);
        assertThat(AdminCommand.check(new String[]{"admin", "create", "--email", "a@b.test", "--role", "TIER1"}))
                .contains("Only the first MSP_ADMIN");
        assertThat(AdminCommand.check(CREATE)).isNull();
    }

    private record Run(int exitCode, String output) {
    }

    private Run run(String stdin) throws Exception {
        InputStream in = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            int rc = AdminCommand.run(install, CREATE, new PrintStream(out, true, StandardCharsets.UTF_8));
            return new Run(rc, out.toString(StandardCharsets.UTF_8));
        } finally {
            System.setIn(in);
        }
    }

    private static ConfigurableApplicationContext freshInstall() {
        SpringApplication app = new SpringApplication(BreakpointApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false"));
        return app.run("--spring.datasource.url=jdbc:h2:mem:install_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
    }

    private JdbcClient jdbc() {
        return install.getBean(JdbcClient.class);
    }

    private long users() {
        return jdbc().sql("select count(*) from users").query(Long.class).single();
    }
}
