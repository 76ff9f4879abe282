package io.breakpoint.agent;

import io.breakpoint.agent.probe.Probes;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.EnrollmentRequest;
import io.breakpoint.agent.protocol.EnrollmentResponse;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SiteConfig;
import io.breakpoint.agent.protocol.SlownessReceipt;
import io.breakpoint.agent.protocol.SlownessReport;
import io.breakpoint.agent.protocol.Throughput;
import io.breakpoint.agent.queue.SampleQueue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** The command line: {@code enroll}, {@code run}, {@code report-slowness}, {@code status}. */
public final class Main {

    static final String VERSION = "0.1.0";

    static final String USAGE = String.join("\n",
            "usage: breakpoint-agent COMMAND [flags]",
            "  enroll --server URL --code CODE [--trust-cert FILE.pem] [--force]",
            "                         join the site whose enrollment code this is",
            "  run [--gateway HOST[:PORT]]",
            "                         measure and report until stopped (the service)",
            "  report-slowness [NOTE] [--user EMAIL] [--gateway HOST[:PORT]]",
            "                         measure now and open an EMR performance ticket",
            "  status                 enrolled?, server, site, last send, queue, last errors",
            "flags for every command: --state DIR (default ~/.breakpoint-agent)");

    /** What the commands need from outside; tests replace the device and shorten the waits. */
    static final class Environment {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Clock clock = Clock.systemUTC();
        Sampler.Device device;
        Agent.Options options = Agent.Options.defaults();
        Random random = new Random();
        Duration probeTimeout = Duration.ofSeconds(2);
        int connectAttempts = 5;
        /** Probe this as the gateway instead of the default route's (flag --gateway). */
        String gateway;

        Sampler.Device device() {
            if (device == null) device = Sampler.oshi();
            return device;
        }
    }

    public static void main(String[] args) {
        // Measure DNS every round: the JVM would otherwise answer from its own cache for 30 s.
        Security.setProperty("networkaddress.cache.ttl", "0");
        Security.setProperty("networkaddress.cache.negative.ttl", "0");
        System.exit(run(args, new Environment(), null));
    }

    /** Runs a command and returns its exit code; {@code running} receives the agent of {@code run} (tests stop it). */
    static int run(String[] args, Environment env, java.util.function.Consumer<Agent> running) {
        Arguments a;
        try {
            a = Arguments.parse(args);
        } catch (IllegalArgumentException bad) {
            env.err.println(bad.getMessage());
            env.err.println(USAGE);
            return 64;
        }
        StateDir state = new StateDir(a.flags.containsKey("state") ? Path.of(a.flags.get("state")) : StateDir.defaultDir());
        if (a.flags.containsKey("gateway")) env.gateway = a.flags.get("gateway");
        try {
            switch (a.command) {
                case "enroll": return enroll(a, state, env);
                case "run": return runService(state, env, running);
                case "report-slowness": return reportSlowness(a, state, env);
                case "status": return status(state, env);
                case "help": case "--help": case "-h":
                    env.out.println(USAGE);
                    return 0;
                default:
                    env.err.println("unknown command: " + a.command);
                    env.err.println(USAGE);
                    return 64;
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            env.err.println("breakpoint-agent: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private static int enroll(Arguments a, StateDir state, Environment env) {
        String server = a.flags.get("server");
        String code = a.flags.get("code");
        if (server == null || code == null) {
            env.err.println("enroll needs --server URL and --code CODE");
            return 64;
        }
        URI uri;
        try {
            uri = URI.create(server);
            if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException bad) {
            env.err.println("--server must be an http(s) URL, such as https://breakpoint.example.org");
            return 64;
        }
        if (state.enrolled() && !a.flags.containsKey("force")) {
            StateDir.Enrollment existing = state.enrollment();
            env.err.println("this workstation is already enrolled as device " + existing.deviceId() + " at "
                    + existing.server() + "; add --force to enroll it again");
            return 1;
        }
        Path trustCert = a.flags.containsKey("trust-cert") ? Path.of(a.flags.get("trust-cert")) : null;
        if (trustCert != null) {
            try {
                Trust.read(trustCert);
            } catch (IOException | java.security.cert.CertificateException e) {
                env.err.println("--trust-cert " + trustCert + ": " + e.getMessage());
                return 1;
            }
        }
        if ("http".equals(uri.getScheme()) && !isLoopback(uri.getHost())) {
            env.err.println("warning: " + uri + " is plain HTTP: the device secret will cross the network unencrypted");
        }
        DeviceFacts facts = null;
        try {
            facts = env.device().facts();
        } catch (RuntimeException | LinkageError e) {
            env.err.println("warning: cannot read the device's facts (" + e + "); enrolling without them");
        }
        Trust trust = Trust.from(trustCert);
        ServerClient client = new ServerClient(uri, null, trust);
        EnrollmentResponse response;
        try {
            response = client.enroll(new EnrollmentRequest(code.trim(), facts == null ? null : facts.hostname(), VERSION, facts));
        } catch (IOException e) {
            env.err.println("enrollment failed: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
        if (response.deviceId() == null || response.secret() == null || response.secret().isEmpty()) {
            env.err.println("enrollment failed: the server's answer has no device id or secret");
            return 1;
        }
        state.create();
        if (trustCert != null) state.saveTrust(trustCert);
        state.saveEnrollment(new StateDir.Enrollment(response.deviceId(), response.secret(), uri, response.siteId(),
                response.siteName(), Instant.now(env.clock)));
        env.out.println("Enrolled as device " + response.deviceId() + " at " + siteName(response.siteName())
                + ". Identity stored in " + state.path() + " (owner-only).");
        return 0;
    }

    private static int runService(StateDir state, Environment env, java.util.function.Consumer<Agent> running) {
        if (!state.enrolled()) {
            env.err.println("not enrolled: run `breakpoint-agent enroll --server URL --code CODE` first");
            return 1;
        }
        state.create();
        try (FileChannel lockFile = FileChannel.open(state.path().resolve("run.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = tryLock(lockFile)) {
            if (lock == null) {
                env.err.println("another agent is already running with " + state.path());
                return 1;
            }
            Agent agent = newAgent(state, env);
            java.util.concurrent.CountDownLatch finished = new java.util.concurrent.CountDownLatch(1);
            // On SIGTERM: end the round and save the status before the JVM goes (at most 5 s).
            Thread hook = new Thread(() -> {
                agent.stop();
                try {
                    finished.await(5, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "agent-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            if (running != null) running.accept(agent);
            try {
                agent.run();
            } finally {
                finished.countDown();
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped us
            }
            return 0;
        } catch (IOException e) {
            env.err.println("cannot lock " + state.path().resolve("run.lock") + ": " + e.getMessage());
            return 1;
        }
    }

    /** Null when another process (or, in tests, this one) holds the lock. */
    private static FileLock tryLock(FileChannel file) throws IOException {
        try {
            return file.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException heldHere) {
            return null;
        }
    }

    static Agent newAgent(StateDir state, Environment env) {
        StateDir.Enrollment e = state.enrollment();
        Trust trust = Trust.from(state.trustFile());
        ServerClient server = new ServerClient(e.server(), e.credentials(), trust);
        Sampler sampler = new Sampler(env.device(), new Probes(trust.sslContext(), env.probeTimeout, env.connectAttempts), env.clock,
                env.gateway);
        return new Agent(state, server, sampler, new Log(env.err, env.clock), env.clock, env.options, env.random);
    }

    /** Three rounds at once (the first with a throughput sample), sent with the user's words. */
    private static int reportSlowness(Arguments a, StateDir state, Environment env) {
        if (!state.enrolled()) {
            env.err.println("not enrolled: run `breakpoint-agent enroll --server URL --code CODE` first");
            return 1;
        }
        StateDir.Enrollment e = state.enrollment();
        Trust trust = Trust.from(state.trustFile());
        ServerClient server = new ServerClient(e.server(), e.credentials(), trust);
        SiteConfig config = state.savedConfig();
        try {
            SiteConfig fresh = server.config();
            if (SiteConfigs.problems(fresh).isEmpty()) config = fresh;
        } catch (IOException unreachable) {
            // measure with the saved configuration; sending will say whether the server is there
        }
        config = SiteConfigs.normalized(config == null || !SiteConfigs.problems(config).isEmpty() ? SiteConfigs.DEFAULTS : config);
        env.out.println("Measuring...");
        Sampler sampler = new Sampler(env.device(), new Probes(trust.sslContext(), env.probeTimeout, env.connectAttempts), env.clock,
                env.gateway);
        List<Sample> burst = new ArrayList<>();
        DeviceFacts facts = null;
        try {
            facts = sampler.facts();
        } catch (RuntimeException | LinkageError unreadable) {
            // the report goes without them
        }
        sampler.warmUp(config);
        for (int i = 0; i < 3; i++) {
            Throughput throughput = null;
            if (i == 0 && config.throughputUrl() != null) {
                try {
                    throughput = server.throughput(config.throughputUrl());
                } catch (IOException unreachable) {
                    // the probes will show it
                }
            }
            Sample s = sampler.round(config, i == 0 ? facts : null, throughput, i == 0, true);
            burst.add(new Sample(s.id(), s.takenAt(), Instant.now(env.clock), s.localAddress(), s.facts(), s.state(),
                    s.probes(), s.throughput(), s.segmentation(), true));
        }
        String note = a.positional.isEmpty() ? null : String.join(" ", a.positional);
        SlownessReceipt receipt;
        try {
            receipt = server.reportSlowness(e.deviceId(), new SlownessReport(note, a.flags.get("user"), burst));
        } catch (IOException failed) {
            env.err.println("Could not send the report to " + e.server() + " (" + failed.getMessage()
                    + "). Please call the help desk.");
            return 1;
        }
        env.out.println("Ticket " + (receipt.ticketNumber() == null ? receipt.ticketId() : receipt.ticketNumber()) + " opened.");
        if (receipt.summary() != null) env.out.println(receipt.summary());
        if (receipt.breakpoint() != null) env.out.println("Breakpoint: " + receipt.breakpoint());
        return 0;
    }

    private static int status(StateDir state, Environment env) {
        PrintStream out = env.out;
        if (!state.enrolled()) {
            out.println("enrolled:      no (state directory " + state.path() + ")");
            return 3;
        }
        StateDir.Enrollment e = state.enrollment();
        AgentStatus s = state.status();
        SiteConfig config = state.savedConfig();
        out.println("enrolled:      yes, device " + e.deviceId() + (e.enrolledAt() == null ? "" : " since " + e.enrolledAt()));
        out.println("server:        " + e.server());
        out.println("site:          " + siteName(e.siteName()) + (e.siteId() == null ? "" : " (" + e.siteId() + ")"));
        out.println("configuration: " + (config == null ? "none received yet (defaults)" : "version " + config.version()
                + ", sample every " + config.sampleEverySeconds() + " s"));
        out.println("last sample:   " + orNever(s.lastSampleAt()));
        out.println("last send:     " + orNever(s.lastSendAt()) + " (successful)");
        out.println("queue:         " + SampleQueue.countWaiting(state.queueDir()) + " samples waiting, "
                + s.samplesDropped() + " dropped when full");
        if (s.lastErrors() == null || s.lastErrors().isEmpty()) {
            out.println("last errors:   none");
        } else {
            out.println("last errors:");
            for (String error : s.lastErrors()) out.println("  " + error);
        }
        return 0;
    }

    private static String orNever(Instant at) {
        return at == null ? "never" : at.toString();
    }

    private static String siteName(String name) {
        return name == null ? "(site not named)" : name;
    }

    private static boolean isLoopback(String host) {
        return "localhost".equals(host) || host.startsWith("127.") || "[::1]".equals(host) || "::1".equals(host);
    }

    /** {@code COMMAND [words] [--flag value | --switch]}. */
    static final class Arguments {
        private static final java.util.Set<String> SWITCHES = java.util.Set.of("force");
        final String command;
        final Map<String, String> flags = new LinkedHashMap<>();
        final List<String> positional = new ArrayList<>();

        private Arguments(String command) {
            this.command = command;
        }

        static Arguments parse(String[] args) {
            if (args.length == 0) throw new IllegalArgumentException("no command given");
            Arguments a = new Arguments(args[0]);
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    String name = arg.substring(2);
                    String value = null;
                    int eq = name.indexOf('=');
                    if (eq >= 0) {
                        value = name.substring(eq + 1);
                        name = name.substring(0, eq);
                    } else if (!SWITCHES.contains(name)) {
                        if (i + 1 >= args.length) throw new IllegalArgumentException("--" + name + " needs a value");
                        value = args[++i];
                    }
                    a.flags.put(name, value == null ? "true" : value);
                } else {
                    a.positional.add(arg);
                }
            }
            return a;
        }
    }
}
