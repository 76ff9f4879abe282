package io.breakpoint.agent.probe;

import io.breakpoint.agent.Trust;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.SegmentationCheck;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProbesTest {

    @TempDir
    static Path dir;
    static SelfSignedServer emr;
    static SelfSignedServer impostor;

    @BeforeAll
    static void start() throws Exception {
        emr = new SelfSignedServer(dir, "localhost");
        impostor = new SelfSignedServer(dir, "emr.elsewhere.example");
    }

    @AfterAll
    static void stop() {
        emr.close();
        impostor.close();
    }

    private static Probes trusting(Path pem) {
        return new Probes(Trust.from(pem).sslContext(), Duration.ofMillis(1500), 5);
    }

    @Test
    void anEmrEndpointIsTimedPhaseByPhase() {
        ProbeResult r = trusting(emr.pem()).endpoint("EMR", "https://localhost:" + emr.port() + "/login");

        assertThat(r.error()).isNull();
        assertThat(r.hop()).isEqualTo("EMR");
        assertThat(r.dnsMs()).isNotNull();
        assertThat(r.connectMs()).isNotNull();
        assertThat(r.tlsMs()).isNotNull().isPositive();
        assertThat(r.firstByteMs()).isNotNull();
        assertThat(r.totalMs()).isGreaterThanOrEqualTo(r.connectMs() + r.tlsMs());
        assertThat(r.attempts()).isEqualTo(5);
        assertThat(r.failures()).isZero();
        assertThat(r.jitterMs()).isNotNull();
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessItIsInTheTrustFile() {
        ProbeResult r = trusting(null).endpoint("EMR", "https://localhost:" + emr.port() + "/login");

        assertThat(r.error()).startsWith("tls");
        assertThat(r.tlsMs()).isNull();
        assertThat(r.firstByteMs()).isNull();
        assertThat(r.connectMs()).isNotNull(); // the network part still counts
    }

    @Test
    void aTrustedCertificateForAnotherHostIsStillRefused() {
        ProbeResult r = trusting(impostor.pem()).endpoint("EMR", "https://localhost:" + impostor.port() + "/login");

        assertThat(r.error()).startsWith("tls");
    }

    @Test
    void theTransactionChecksHostNamesToo() {
        String base = "https://localhost:" + impostor.port();
        ProbeResult r = trusting(impostor.pem()).transaction("EMR_TRANSACTION", List.of(base + "/login"));

        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.error()).startsWith("tls");
    }

    @Test
    void theEmrTransactionTimesTheWholeSequence() {
        String base = "https://localhost:" + emr.port();
        ProbeResult r = trusting(emr.pem()).transaction("EMR_TRANSACTION", List.of(base + "/login", base + "/static/app.js"));

        assertThat(r.error()).isNull();
        assertThat(r.attempts()).isEqualTo(2);
        assertThat(r.failures()).isZero();
        assertThat(r.totalMs()).isNotNull().isGreaterThanOrEqualTo(r.firstByteMs());
    }

    @Test
    void aFailedStepOfTheTransactionIsCountedAndNamed() {
        String base = "https://localhost:" + emr.port();
        ProbeResult r = trusting(emr.pem()).transaction("EMR_TRANSACTION", List.of(base + "/login", base + "/missing.js"));

        assertThat(r.failures()).isEqualTo(1);
        assertThat(r.error()).isEqualTo("http 404 " + base + "/missing.js");
    }

    @Test
    void aRefusedConnectionIsAnAnswerFromTheHost() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        ProbeResult r = trusting(null).host("REFERENCE", "127.0.0.1:" + closedPort);

        assertThat(r.failures()).isZero();
        assertThat(r.connectMs()).isNotNull();
        assertThat(r.dnsMs()).isNull(); // an address needs no lookup
    }

    @Test
    void aTargetThatIsNotHostAndPortIsAFailedProbeNotACrash() {
        ProbeResult r = trusting(null).host("EDGE", "edge.lakeside.example:https");

        assertThat(r.error()).isEqualTo("bad target");
        assertThat(r.failures()).isEqualTo(1);
        assertThat(trusting(null).endpoint("EMR", "ftp://emr.example.com/").error()).isEqualTo("bad target");
    }

    @Test
    void guestAddressesThatAnswerAreReportedAndSilentOnesAreNot() throws Exception {
        try (ServerSocket open = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
             Silent silent = Silent.start()) {
            Probes probes = new Probes(Trust.from(null).sslContext(), Duration.ofMillis(300), 1);
            String reachable = "127.0.0.1:" + open.getLocalPort();

            SegmentationCheck check = probes.segmentation(List.of(reachable, silent.target()));

            assertThat(check.checked()).isEqualTo(2);
            assertThat(check.reachable()).containsExactly(reachable);
        }
    }

    /**
     * A loopback port that drops connection attempts: a listener that never accepts, with its accept queue
     * filled. (The tests may not send anything beyond this machine, so no real unreachable address.)
     */
    static final class Silent implements AutoCloseable {
        final ServerSocket listener;
        final List<Socket> fillers = new ArrayList<>();

        private Silent(ServerSocket listener) {
            this.listener = listener;
        }

        static Silent start() throws Exception {
            Silent s = new Silent(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
            for (int i = 0; i < 16; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), s.listener.getLocalPort()), 200);
                    s.fillers.add(socket);
                } catch (java.io.IOException timedOut) {
                    socket.close();
                    return s;
                }
            }
            throw new IllegalStateException("could not fill the accept queue");
        }

        String target() {
            return "127.0.0.1:" + listener.getLocalPort();
        }

        @Override
        public void close() throws Exception {
            for (Socket s : fillers) s.close();
            listener.close();
        }
    }
}
