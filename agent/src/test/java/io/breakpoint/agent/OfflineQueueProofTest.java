package io.breakpoint.agent;

import io.breakpoint.agent.protocol.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proof: stop the server, keep the agent running, start the server: nothing lost, nothing
 * doubled, oldest first.
 */
class OfflineQueueProofTest {

    @TempDir
    Path home;

    @Test
    void whileTheServerIsDownSamplesWaitAndAfterwardsEachArrivesOnceInOrder() throws Exception {
        FakeServer server = new FakeServer().start();
        int port = server.port();
        try (AgentHarness agent = new AgentHarness(home)) {
            agent.enrolledAt(server, server.url());
            server.config(AgentHarness.fastConfig(1, "/throughput"));
            agent.startService();
            AgentHarness.await("samples arrive", () -> server.stored.size() >= 2, Duration.ofSeconds(10));

            server.close(); // the server goes away: connections are refused
            int roundsAtOutage = agent.workstation.rounds.get();
            AgentHarness.await("the agent keeps measuring into its queue",
                    () -> agent.agent().queue().size() >= 4 && agent.workstation.rounds.get() >= roundsAtOutage + 4,
                    Duration.ofSeconds(15));
            assertThat(agent.serviceRunning()).isTrue();
            assertThat(agent.log()).contains("cannot send");

            FakeServer back = new FakeServer(port);
            back.knowDevice(agent.agent().enrollment().deviceId(), "s3cret");
            back.config(AgentHarness.fastConfig(1, "/throughput"));
            back.start();
            AgentHarness.await("the queue empties", () -> agent.agent().queue().size() == 0 && !back.stored.isEmpty(),
                    Duration.ofSeconds(15));
            agent.stopService();

            List<Sample> all = new java.util.ArrayList<>(server.stored);
            all.addAll(back.stored);
            assertThat(all).extracting(Sample::id).doesNotHaveDuplicates();
            // every round the workstation measured reached a server, except one still queued at stop
            assertThat(all.size() + agent.agent().queue().size()).isEqualTo(agent.workstation.rounds.get());
            assertThat(all).extracting(Sample::takenAt).isSorted();
            assertThat(back.stored.get(0).takenAt()).isBefore(back.stored.get(0).sentAt().minusSeconds(2));
            assertThat(back.batches.get()).isLessThan(back.stored.size()); // the backlog went in batches
            back.close();
        } finally {
            server.close();
        }
    }

    @Test
    void aLostReceiptMeansTheSameSamplesAreSentAgainAndStoredOnce() throws Exception {
        try (FakeServer server = new FakeServer().start(); AgentHarness agent = new AgentHarness(home)) {
            agent.enrolledAt(server, server.url());
            server.config(AgentHarness.fastConfig(1, null));
            server.loseReceipts.set(2);
            agent.startService();

            AgentHarness.await("later samples arrive", () -> server.stored.size() >= 5, Duration.ofSeconds(15));
            AgentHarness.await("the queue empties", () -> agent.agent().queue().size() == 0, Duration.ofSeconds(10));
            agent.stopService();

            assertThat(server.duplicates.get()).isGreaterThanOrEqualTo(2);
            assertThat(server.storedIds()).doesNotHaveDuplicates();
            assertThat(server.stored.size() + agent.agent().queue().size()).isEqualTo(agent.workstation.rounds.get());
            assertThat(agent.log()).contains("HTTP 503");
        }
    }
}
