package io.breakpoint.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The service loop when the server or its configuration is not what it should be. */
class AgentLoopTest {

    @TempDir
    Path home;

    @Test
    void aMalformedConfigurationIsLoggedAndTheAgentKeepsMeasuringWithTheLastGoodOne() throws Exception {
        try (FakeServer server = new FakeServer().start(); AgentHarness agent = new AgentHarness(home)) {
            agent.enrolledAt(server, server.url());
            server.config(AgentHarness.fastConfig(5, null));
            agent.startService();
            AgentHarness.await("the first samples arrive", () -> server.stored.size() >= 2, Duration.ofSeconds(10));

            server.configJson = "<html><body>Proxy login required</body></html>";
            int requestsBefore = server.configRequests.get();
            AgentHarness.await("the agent asks again", () -> server.configRequests.get() >= requestsBefore + 2, Duration.ofSeconds(10));
            int storedBefore = server.stored.size();
            AgentHarness.await("samples keep arriving", () -> server.stored.size() >= storedBefore + 2, Duration.ofSeconds(10));

            server.configJson = "{\"version\":6,\"sampleEverySeconds\":0,\"configRefreshSeconds\":1,\"maxBatchSamples\":100}";
            AgentHarness.await("the bad values are logged", () -> agent.log().contains("sampleEverySeconds 0 is outside"),
                    Duration.ofSeconds(10));

            assertThat(agent.serviceRunning()).isTrue();
            assertThat(agent.agent().config().version()).isEqualTo(5);
            assertThat(agent.agent().config().sampleEverySeconds()).isEqualTo(1);
            assertThat(agent.log())
                    .contains("cannot fetch the configuration (/api/v1/agent/config: the server's answer is not a valid SiteConfig")
                    .contains("keeping version 5, retrying in")
                    .contains("the server sent a configuration the agent cannot use (sampleEverySeconds 0 is outside 1..3600)");

            server.config(AgentHarness.fastConfig(7, null));
            AgentHarness.await("the good configuration is taken", () -> agent.agent().config().version() == 7, Duration.ofSeconds(10));
        }
    }

    @Test
    void anUnreachableServerNeverStopsTheAgentItQueuesAndRetriesWithBackoff() throws Exception {
        int nobody;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            nobody = s.getLocalPort();
        }
        try (FakeServer server = new FakeServer(); AgentHarness agent = new AgentHarness(home)) {
            StateDir state = agent.enrolledAt(server, "http://127.0.0.1:" + nobody);
            state.saveConfig(AgentHarness.fastConfig(2, null));
            agent.startService();

            AgentHarness.await("samples pile up in the queue", () -> agent.agent().queue().size() >= 4, Duration.ofSeconds(15));

            assertThat(agent.serviceRunning()).isTrue();
            String log = agent.log();
            assertThat(log).contains("cannot send").contains("server unreachable: connection refused")
                    .contains("keeping them, retrying in").contains("cannot fetch the configuration");
            // backoff: a 0.2 s base doubling to a 1 s cap, each wait between half and all of that
            List<Double> waits = log.lines().filter(l -> l.contains("cannot send"))
                    .map(l -> Double.parseDouble(l.replaceAll(".*retrying in ([0-9.]+) s.*", "$1"))).toList();
            assertThat(waits.size()).isGreaterThanOrEqualTo(3);
            assertThat(waits.get(0)).isBetween(0.1, 0.2);
            assertThat(waits.get(1)).isBetween(0.2, 0.4);
            assertThat(waits).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(1.0));
            assertThat(agent.workstation.rounds.get()).isGreaterThanOrEqualTo(4);

            agent.stopService();
            assertThat(agent.command("status")).isZero();
            assertThat(agent.out()).containsPattern("queue:         [4-9]\\d* samples waiting")
                    .contains("last send:     never").contains("server unreachable");
        }
    }

    @Test
    void aBacklogTooBigForOneBatchIsSplitAndStillArrivesWholeAndInOrder() throws Exception {
        try (FakeServer server = new FakeServer().start(); AgentHarness agent = new AgentHarness(home)) {
            StateDir state = agent.enrolledAt(server, server.url());
            state.saveConfig(AgentHarness.fastConfig(2, null));
            server.config(AgentHarness.fastConfig(2, null));
            io.breakpoint.agent.queue.SampleQueue backlog = new io.breakpoint.agent.queue.SampleQueue(state.queueDir(), 1L << 20);
            java.time.Instant t = java.time.Instant.parse("2026-11-25T08:00:00Z");
            for (int i = 0; i < 9; i++) backlog.append(Samples.aSample(t.plusSeconds(60L * i)));
            server.maxBatch = 3;

            agent.startService();
            AgentHarness.await("the backlog arrives", () -> server.stored.size() >= 10, Duration.ofSeconds(15));
            agent.stopService();

            assertThat(server.storedIds()).doesNotHaveDuplicates();
            assertThat(server.stored.subList(0, 9)).extracting(s -> s.takenAt()).isSorted().first().isEqualTo(t);
            assertThat(agent.log()).doesNotContain("refused sample");
            assertThat(server.batches.get()).isGreaterThanOrEqualTo(3); // at most 3 samples a batch
        }
    }
}
