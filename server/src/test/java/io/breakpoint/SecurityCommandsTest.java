package io.breakpoint;

import io.breakpoint.common.SecretBox;
import io.breakpoint.common.SecretsCommand;
import io.breakpoint.identity.AccountSecurity;
import io.breakpoint.identity.Actors;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.BreakGlassCommand;
import io.breakpoint.identity.Directory;
import io.breakpoint.identity.PersonSummary;
import io.breakpoint.identity.internal.ApiTokens;
import io.breakpoint.identity.internal.IdentityStore;
import io.breakpoint.identity.internal.SignIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The two security commands on an install with its own secrets key, the way {@link BreakpointApplication#main} runs
 * them: {@code break-glass} (docs/break-glass.md) and {@code secrets rotate} (docs/decisions/0017).
 */
class SecurityCommandsTest {

    private static final String ADMIN = "admin@msp.test";
    private final String oldKey = aKey();
    private ConfigurableApplicationContext install;
    private PersonSummary admin;

    private static String aKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @BeforeEach
    void anInstallWithAnAdminWhoUsesMfa() {
        SpringApplication app = new SpringApplication(BreakpointApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(Map.of("logging.level.root", "WARN", "spring.main.log-startup-info", "false"));
        install = app.run("--spring.datasource.url=jdbc:h2:mem:cmd_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "--breakpoint.secrets.key=" + oldKey, "--breakpoint.secrets.dev-key=false");
        install.getBean(Administration.class).bootstrap("MSP", ADMIN, "Morgan Price", "a-long-enough-passphrase");
        admin = install.getBean(IdentityStore.class).accountByEmail(ADMIN).orElseThrow().person();
        install.getBean(TransactionTemplate.class).executeWithoutResult(s ->
                install.getBean(SignIn.class).enrolWithSecret(null, admin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"));
    }

    @AfterEach
    void close() {
        install.close();
    }

    private record Run(int exitCode, String output) {
    }

    private Run breakGlass(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = BreakGlassCommand.run(install, args, new PrintStream(out, true, StandardCharsets.UTF_8));
        return new Run(rc, out.toString(StandardCharsets.UTF_8));
    }

    private JdbcClient jdbc() {
        return install.getBean(JdbcClient.class);
    }

    @Test
    void breakGlassIssuesAShortLivedTokenThatIsAuditedAndShownToAdmins() {
        String[] args = {"break-glass", "--email", ADMIN, "--reason", "INC-7: every admin phone lost", "--minutes", "30"};
        assertThat(BreakGlassCommand.check(args)).isNull();
        Run r = breakGlass(args);

        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.output()).contains("EMERGENCY ACCESS for " + ADMIN);
        String token = r.output().lines().filter(l -> l.startsWith("bpt_")).findFirst().orElseThrow();
        assertThat(install.getBean(ApiTokens.class).authenticate(token)).hasValueSatisfying(a -> assertThat(a.email()).isEqualTo(ADMIN));
        assertThat(jdbc().sql("select channel || ' ' || detail from audit_events where action = 'BREAK_GLASS_TOKEN_ISSUED'")
                .query(String.class).single()).startsWith("CLI ").contains("INC-7: every admin phone lost");
        Actors.runAs(install.getBean(Directory.class).actorByEmail(ADMIN).orElseThrow(), () ->
                assertThat(install.getBean(AccountSecurity.class).liveEmergencyAccess()).singleElement()
                        .satisfies(e -> assertThat(e.reason()).contains("INC-7")));
    }

    @Test
    void breakGlassNeedsAReasonAKnownAccountAndAShortLifetime() {
        assertThat(BreakGlassCommand.check(new String[]{"break-glass", "--email", ADMIN})).isEqualTo(BreakGlassCommand.USAGE);
        assertThat(BreakGlassCommand.check(new String[]{"break-glass", "--email", ADMIN, "--reason", "because"})).contains("10 to 500");
        assertThat(BreakGlassCommand.check(new String[]{"break-glass", "--email", ADMIN, "--reason", "INC-7: phones lost", "--minutes", "600"}))
                .contains("1 to 240");
        assertThat(breakGlass("break-glass", "--email", "nobody@msp.test", "--reason", "INC-7: phones lost").exitCode()).isEqualTo(2);
        assertThat(jdbc().sql("select count(*) from api_tokens").query(Long.class).single()).isZero();
    }

    @Test
    void rotationReEncryptsEverySecretUnderTheNewKey() {
        String newKey = aKey();
        String before = jdbc().sql("select secret from user_mfa").query(String.class).single();
        assertThat(SecretBox.keyIdOf(before)).isEqualTo(install.getBean(SecretBox.class).currentKeyId());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] args = {"secrets", "rotate", "--new-key", newKey};
        assertThat(SecretsCommand.check(args)).isNull();
        int rc = SecretsCommand.run(install, args, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(rc).as(out.toString()).isZero();
        assertThat(out.toString()).contains("Re-encrypted 1 TOTP secrets.");
        String after = jdbc().sql("select secret from user_mfa").query(String.class).single();
        SecretBox onlyNew = new SecretBox(newKey, List.of());
        assertThat(SecretBox.keyIdOf(after)).isEqualTo(onlyNew.currentKeyId());
        assertThat(onlyNew.open(after, admin.id().toString())).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP");
        assertThatThrownBy(() -> new SecretBox(oldKey, List.of()).open(after, admin.id().toString()))
                .hasMessageContaining("not configured");

        assertThat(SecretsCommand.run(install, new String[]{"secrets", "rotate", "--new-key", "c2hvcnQ="},
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))).isEqualTo(2);
    }

    @Test
    void withoutAKeyTheServerRefusesToStartOutsideTheDemo() {
        SpringApplication app = new SpringApplication(BreakpointApplication.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        app.setBannerMode(Banner.Mode.OFF);
        app.setDefaultProperties(Map.of("logging.level.root", "OFF", "spring.main.log-startup-info", "false"));
        assertThatThrownBy(() -> app.run("--spring.datasource.url=jdbc:h2:mem:nokey_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH", "--breakpoint.secrets.dev-key=false"))
                .hasStackTraceContaining("Set BREAKPOINT_SECRETS_KEY");
    }
}
