package io.breakpoint.agent;

import io.breakpoint.agent.protocol.SiteConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

/** Runs the agent's commands in this JVM against a pretend workstation, with short waits. */
final class AgentHarness implements AutoCloseable {

    /** Samples every second, asks for its configuration every second. */
    static SiteConfig fastConfig(long version, String throughputUrl) {
        return new SiteConfig(version, 1, 0, 1, 100, null, null, List.of(), List.of(), List.of(), throughputUrl);
    }

    final Path state;
    final Samples.Workstation workstation = new Samples.Workstation();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private Thread service;
    private final AtomicReference<Agent> agent = new AtomicReference<>();
    volatile int serviceExit = -1;

    AgentHarness(Path state) {
        this.state = state;
    }

    Main.Environment environment() {
        Main.Environment env = new Main.Environment();
        env.out = new PrintStream(out, true, StandardCharsets.UTF_8);
        env.err = new PrintStream(err, true, StandardCharsets.UTF_8);
        env.device = workstation;
        env.options = new Agent.Options(Duration.ofMillis(200), Duration.ofSeconds(1), 1L << 20, 1L << 20, Duration.ofHours(1));
        env.random = new Random(4);
        env.probeTimeout = Duration.ofMillis(500);
        env.connectAttempts = 2;
        env.gateway = "127.0.0.1"; // never the real gateway: tests send nothing beyond this machine
        return env;
    }

    int command(String... args) {
        String[] withState = new String[args.length + 2];
        System.arraycopy(args, 0, withState, 0, args.length);
        withState[args.length] = "--state";
        withState[args.length + 1] = state.toString();
        return Main.run(withState, environment(), null);
    }

    /** Writes an enrollment as if {@code enroll} had run against {@code server}. */
    StateDir enrolledAt(FakeServer server, String url) {
        UUID id = UUID.randomUUID();
        server.knowDevice(id, "s3cret");
        StateDir dir = new StateDir(state);
        dir.saveEnrollment(new StateDir.Enrollment(id, "s3cret", java.net.URI.create(url), FakeServer.SITE, "Lakeside Clinic", null));
        return dir;
    }

    void startService() {
        Main.Environment env = environment();
        service = new Thread(() -> serviceExit = Main.run(new String[] {"run", "--state", state.toString()}, env, agent::set),
                "agent-under-test");
        service.start();
        await("the agent starts", () -> agent.get() != null, Duration.ofSeconds(10));
    }

    Agent agent() {
        return agent.get();
    }

    boolean serviceRunning() {
        return service != null && service.isAlive();
    }

    void stopService() throws InterruptedException {
        if (agent.get() != null) agent.get().stop();
        if (service != null) service.join(10_000);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String log() {
        return err.toString(StandardCharsets.UTF_8);
    }

    static void await(String what, BooleanSupplier condition, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting until " + what);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        stopService();
    }
}
