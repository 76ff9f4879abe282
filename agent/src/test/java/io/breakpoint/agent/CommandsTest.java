package io.breakpoint.agent;

import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SlownessReport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class CommandsTest {

    @TempDir
    Path home;
    FakeServer server;
    AgentHarness agent;

    @BeforeEach
    void start() throws Exception {
        server = new FakeServer().start();
        agent = new AgentHarness(home.resolve("state"));
    }

    @AfterEach
    void stop() throws Exception {
        agent.close();
        server.close();
    }

    @Test
    void enrollingStoresTheIdentityWhereOnlyTheOwnerCanReadIt() throws Exception {
        int exit = agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE);

        assertThat(exit).isZero();
        assertThat(agent.out()).contains("Enrolled as device").contains("Lakeside Clinic");
        Path identity = agent.state.resolve("device.properties");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(agent.state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(identity))).isEqualTo("rw-------");
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(identity)) {
            p.load(in);
        }
        assertThat(p.getProperty("secret")).startsWith("s3cret-");
        assertThat(p.getProperty("server")).isEqualTo(server.url());
        assertThat(p.getProperty("siteId")).isEqualTo(FakeServer.SITE.toString());
    }

    @Test
    void aSecondEnrollmentIsRefusedUnlessForced() throws Exception {
        agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE);
        String first = Files.readString(agent.state.resolve("device.properties"));

        assertThat(agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE)).isEqualTo(1);
        assertThat(agent.log()).contains("already enrolled").contains("--force");
        assertThat(Files.readString(agent.state.resolve("device.properties"))).isEqualTo(first);

        assertThat(agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE, "--force")).isZero();
        assertThat(Files.readString(agent.state.resolve("device.properties"))).isNotEqualTo(first);
    }

    @Test
    void aWrongCodeIsExplainedAndNothingIsStored() {
        int exit = agent.command("enroll", "--server", server.url(), "--code", "NOT-A-CODE");

        assertThat(exit).isEqualTo(1);
        assertThat(agent.log()).contains("enrollment failed").contains("HTTP 404").contains("no site has this enrollment code");
        assertThat(agent.state.resolve("device.properties")).doesNotExist();
    }

    @Test
    void enrollingNeedsAServerUrlAndACode() {
        assertThat(agent.command("enroll", "--code", FakeServer.CODE)).isEqualTo(64);
        assertThat(agent.command("enroll", "--server", "emr.example.com", "--code", FakeServer.CODE)).isEqualTo(64);
        assertThat(agent.log()).contains("enroll needs --server URL and --code CODE").contains("must be an http(s) URL");
    }

    @Test
    void statusSaysWhenTheWorkstationIsNotEnrolled() {
        assertThat(agent.command("status")).isEqualTo(3);
        assertThat(agent.out()).contains("enrolled:      no");
    }

    @Test
    void statusShowsTheServerTheSiteTheLastSendAndTheQueue() throws Exception {
        agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE);
        server.config(AgentHarness.fastConfig(3, null));
        agent.startService();
        AgentHarness.await("a sample arrives", () -> !server.stored.isEmpty(), Duration.ofSeconds(10));
        agent.stopService();

        assertThat(agent.command("status")).isZero();

        assertThat(agent.out())
                .contains("enrolled:      yes, device")
                .contains("server:        " + server.url())
                .contains("site:          Lakeside Clinic (" + FakeServer.SITE + ")")
                .contains("configuration: version 3, sample every 1 s")
                .containsPattern("last send:     20\\d\\d-.*Z \\(successful\\)")
                .containsPattern("queue:         \\d+ samples waiting, 0 dropped when full")
                .contains("last errors:   none");
    }

    @Test
    void reportSlownessMeasuresAtOnceAndPrintsTheServersAnswer() {
        agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE);

        int exit = agent.command("report-slowness", "charts", "take", "a", "minute", "--user", "dr.ellis@riverbend.demo");

        assertThat(exit).isZero();
        assertThat(agent.out()).contains("Ticket T-1042 opened.")
                .contains("The clinic's internet link is saturated; we are on it.").contains("Breakpoint: WAN");
        SlownessReport report = server.reports.get(0);
        assertThat(report.note()).isEqualTo("charts take a minute");
        assertThat(report.userEmail()).isEqualTo("dr.ellis@riverbend.demo");
        assertThat(report.burst()).hasSize(3).allMatch(Sample::burst).allMatch(s -> s.sentAt() != null);
        assertThat(report.burst().get(0).throughput()).isNotNull(); // the fake's config has a throughput URL
        assertThat(report.burst().get(0).throughput().bytes()).isEqualTo(256 * 1024);
        assertThat(report.burst().get(0).facts()).isNotNull();
    }

    @Test
    void reportSlownessWithTheServerDownSaysSoPlainly() {
        agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE);
        server.close();

        int exit = agent.command("report-slowness", "slow again");

        assertThat(exit).isEqualTo(1);
        assertThat(agent.log()).contains("Could not send the report").contains("Please call the help desk.");
    }

    @Test
    void runningTwoAgentsOnOneStateDirectoryIsRefused() {
        agent.command("enroll", "--server", server.url(), "--code", FakeServer.CODE);
        agent.startService();

        assertThat(agent.command("run")).isEqualTo(1);
        assertThat(agent.log()).contains("another agent is already running");
    }
}
