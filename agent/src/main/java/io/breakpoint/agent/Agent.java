package io.breakpoint.agent;

import io.breakpoint.agent.protocol.BatchReceipt;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SiteConfig;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.agent.protocol.Throughput;
import io.breakpoint.agent.queue.SampleQueue;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The service loop on one thread: refresh the site configuration, take a round of measurements, queue it
 * on disk, send what waits, sleep until the next of these is due. Nothing that comes from the network or
 * the configuration ends the loop: every failure becomes a plain log line, an entry in {@code status}, and
 * a retry after an exponential backoff with jitter.
 */
public final class Agent {

    /** Tunables that are not part of the site configuration. */
    public record Options(Duration backoffBase, Duration backoffCap, long queueMaxBytes, long maxBatchBytes,
                          Duration factsEvery) {
        public static Options defaults() {
            return new Options(Duration.ofSeconds(5), Duration.ofMinutes(10), 16L * 1024 * 1024, 1024 * 1024,
                    Duration.ofHours(1));
        }
    }

    private final StateDir state;
    private final StateDir.Enrollment enrollment;
    private final ServerClient server;
    private final Sampler sampler;
    private final SampleQueue queue;
    private final Log log;
    private final Clock clock;
    private final Options options;
    private final Backoff configBackoff;
    private final Backoff sendBackoff;
    private final Object wake = new Object();
    private volatile boolean stopped;

    private SiteConfig config;
    private AgentStatus status;
    private int batchLimit;
    private String lastConfigProblem;
    private boolean warmedUp;

    Agent(StateDir state, ServerClient server, Sampler sampler, Log log, Clock clock, Options options, Random random) {
        this.state = state;
        this.enrollment = state.enrollment();
        this.server = server;
        this.sampler = sampler;
        this.log = log;
        this.clock = clock;
        this.options = options;
        this.queue = new SampleQueue(state.queueDir(), options.queueMaxBytes());
        this.configBackoff = new Backoff(options.backoffBase(), options.backoffCap(), random);
        this.sendBackoff = new Backoff(options.backoffBase(), options.backoffCap(), random);
        SiteConfig saved = state.savedConfig();
        this.config = saved != null && SiteConfigs.problems(saved).isEmpty() ? SiteConfigs.normalized(saved) : SiteConfigs.DEFAULTS;
        AgentStatus before = state.status();
        this.status = new AgentStatus(Instant.now(clock), before.lastSampleAt(), before.lastSendAt(), before.lastConfigAt(),
                config.version(), before.samplesSent(), queue.dropped(), queue.size(), before.lastErrors());
        this.batchLimit = config.maxBatchSamples();
    }

    SampleQueue queue() {
        return queue;
    }

    StateDir.Enrollment enrollment() {
        return enrollment;
    }

    SiteConfig config() {
        return config;
    }

    /** Runs until {@link #stop()}. */
    public void run() {
        log.info("running for device " + enrollment.deviceId() + " (" + enrollment.siteName() + ") against "
                + enrollment.server() + "; " + queue.size() + " samples waiting in the queue");
        long now = millis();
        long nextConfig = now;
        long nextSample = now;
        long nextSend = now;
        long nextThroughput = now;
        long nextFacts = now;
        while (!stopped) {
            try {
                now = millis();
                if (now >= nextConfig) {
                    nextConfig = now + options.backoffBase().toMillis(); // stands if the refresh fails unexpectedly
                    nextConfig = now + refreshConfig().toMillis();
                }
                if (stopped) break;
                now = millis();
                if (now >= nextSample) {
                    boolean withFacts = now >= nextFacts;
                    boolean withThroughput = config.throughputUrl() != null && config.throughputEverySeconds() > 0
                            && now >= nextThroughput;
                    // the next times first: a round that fails unexpectedly (a full disk) is not retried at once
                    if (withFacts) nextFacts = now + options.factsEvery().toMillis();
                    if (withThroughput) nextThroughput = now + config.throughputEverySeconds() * 1000L;
                    nextSample = Math.max(nextSample + config.sampleEverySeconds() * 1000L, now + 200);
                    sample(withFacts, withThroughput);
                    if (nextSend > now && sendBackoff.failures() == 0) nextSend = now;
                }
                if (stopped) break;
                now = millis();
                if (now >= nextSend) {
                    Duration wait = flush();
                    nextSend = wait == null ? nextSample : millis() + wait.toMillis();
                }
                state.saveStatus(status = withQueue(status));
                long sleep = Math.min(Math.min(nextConfig, nextSample), nextSend) - millis();
                if (sleep > 0) {
                    synchronized (wake) {
                        if (!stopped) wake.wait(sleep);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (RuntimeException unexpected) {
                // A bug or a full disk must not end the service: say so, wait, go on.
                problem("unexpected " + unexpected);
                sleepQuietly(options.backoffBase().toMillis());
            }
        }
        state.saveStatus(withQueue(status));
        log.info("stopped; " + queue.size() + " samples waiting in the queue");
    }

    public void stop() {
        stopped = true;
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    /** Asks for the site configuration; keeps the one it has when the answer is missing or malformed. */
    Duration refreshConfig() {
        SiteConfig received;
        try {
            received = server.config();
        } catch (IOException e) {
            Duration wait = configBackoff.failed();
            problem("cannot fetch the configuration (" + message(e) + "); keeping version " + config.version()
                    + ", retrying in " + seconds(wait));
            return wait;
        }
        List<String> problems = SiteConfigs.problems(received);
        if (!problems.isEmpty()) {
            Duration wait = configBackoff.failed();
            String text = "the server sent a configuration the agent cannot use (" + String.join("; ", problems)
                    + "); keeping version " + config.version() + ", retrying in " + seconds(wait);
            if (!text.equals(lastConfigProblem)) problem(text);
            lastConfigProblem = text;
            return wait;
        }
        configBackoff.succeeded();
        lastConfigProblem = null;
        SiteConfig fresh = SiteConfigs.normalized(received);
        if (fresh.version() != config.version() || !fresh.equals(config)) {
            log.info("configuration version " + fresh.version() + ": sample every " + fresh.sampleEverySeconds() + " s, "
                    + fresh.emrEndpoints().size() + " EMR endpoints, " + fresh.guestAddresses().size() + " guest addresses");
            state.saveConfig(fresh);
            batchLimit = fresh.maxBatchSamples();
        }
        config = fresh;
        status = new AgentStatus(status.startedAt(), status.lastSampleAt(), status.lastSendAt(), Instant.now(clock),
                config.version(), status.samplesSent(), status.samplesDropped(), status.queueLength(), status.lastErrors());
        return Duration.ofSeconds(config.configRefreshSeconds());
    }

    void sample(boolean withFacts, boolean withThroughput) {
        if (!warmedUp) {
            sampler.warmUp(config);
            warmedUp = true;
        }
        DeviceFacts facts = null;
        if (withFacts) {
            try {
                facts = sampler.facts();
            } catch (RuntimeException | LinkageError e) {
                problem("cannot read the device's facts: " + e);
            }
        }
        Throughput throughput = null;
        ProbeResult throughputFailure = null;
        if (withThroughput) {
            try {
                throughput = server.throughput(config.throughputUrl());
            } catch (IOException e) {
                throughputFailure = new ProbeResult("THROUGHPUT", config.throughputUrl(), null, null, null, null, null, 1, 1,
                        null, message(e));
            }
        }
        Sample sample = sampler.round(config, facts, throughput, true, false);
        if (throughputFailure != null) {
            List<ProbeResult> probes = new ArrayList<>(sample.probes());
            probes.add(throughputFailure);
            sample = new Sample(sample.id(), sample.takenAt(), null, sample.localAddress(), sample.facts(), sample.state(),
                    probes, null, sample.segmentation(), false);
        }
        long droppedBefore = queue.dropped();
        queue.append(sample);
        if (queue.dropped() > droppedBefore) {
            problem("the queue is full (" + options.queueMaxBytes() / (1024 * 1024) + " MB): dropped the "
                    + (queue.dropped() - droppedBefore) + " oldest samples, " + queue.dropped() + " in all");
        }
        status = new AgentStatus(status.startedAt(), sample.takenAt(), status.lastSendAt(), status.lastConfigAt(),
                status.configVersion(), status.samplesSent(), queue.dropped(), queue.size(), status.lastErrors());
    }

    /**
     * Sends what waits, oldest first, in batches; a sample leaves the queue only when the server's receipt
     * covers it. Returns null when the queue is empty, else how long to wait before trying again.
     */
    Duration flush() {
        while (!stopped && queue.size() > 0) {
            SampleQueue.Batch batch = queue.peek(batchLimit, options.maxBatchBytes());
            if (batch.lines() == 0) return null;
            if (batch.samples().isEmpty()) {
                queue.ack(batch);
                continue;
            }
            Instant sentAt = Instant.now(clock);
            List<Sample> samples = new ArrayList<>(batch.samples().size());
            for (Sample s : batch.samples()) {
                samples.add(new Sample(s.id(), s.takenAt(), sentAt, s.localAddress(), s.facts(), s.state(), s.probes(),
                        s.throughput(), s.segmentation(), s.burst()));
            }
            BatchReceipt receipt;
            try {
                receipt = server.send(new TelemetryBatch(enrollment.deviceId(), Main.VERSION, samples));
            } catch (ServerClient.Refused refused) {
                if (refused.status() == 400 || refused.status() == 413 || refused.status() == 422) {
                    if (samples.size() > 1) {
                        // Find the sample the server will not take: smaller batches until it is alone.
                        batchLimit = Math.max(1, samples.size() / 2);
                        continue;
                    }
                    queue.ack(batch);
                    problem("the server refused sample " + samples.get(0).id() + " (" + refused.getMessage() + "); dropped it");
                    continue;
                }
                return sendFailed(refused);
            } catch (IOException e) {
                return sendFailed(e);
            }
            queue.ack(batch);
            sendBackoff.succeeded();
            batchLimit = Math.min(config.maxBatchSamples(), batchLimit * 2); // back up after a split, step by step
            if (receipt.rejected() != null && !receipt.rejected().isEmpty()) {
                var first = receipt.rejected().get(0);
                problem("the server rejected " + receipt.rejected().size() + " of " + samples.size() + " samples (first: "
                        + first.sampleId() + ": " + first.reason() + "); they are not sent again");
            }
            status = new AgentStatus(status.startedAt(), status.lastSampleAt(), sentAt, status.lastConfigAt(),
                    status.configVersion(), status.samplesSent() + receipt.accepted() + receipt.duplicates(),
                    queue.dropped(), queue.size(), status.lastErrors());
        }
        return null;
    }

    private Duration sendFailed(IOException e) {
        Duration wait = sendBackoff.failed();
        String hint = e instanceof ServerClient.Refused && (((ServerClient.Refused) e).status() == 401
                || ((ServerClient.Refused) e).status() == 403)
                ? " (the server does not accept this device's credentials: enroll again with --force)" : "";
        problem("cannot send " + queue.size() + " waiting samples (" + message(e) + ")" + hint + "; keeping them, retrying in "
                + seconds(wait));
        return wait;
    }

    private void problem(String text) {
        log.warn(text);
        status = withQueue(status).withError(Instant.now(clock), text);
    }

    private AgentStatus withQueue(AgentStatus s) {
        return new AgentStatus(s.startedAt(), s.lastSampleAt(), s.lastSendAt(), s.lastConfigAt(), s.configVersion(),
                s.samplesSent(), queue.dropped(), queue.size(), s.lastErrors());
    }

    private long millis() {
        return clock.millis();
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.net.ConnectException) return "server unreachable: connection refused";
        if (e instanceof java.net.SocketTimeoutException) return "server unreachable: timed out";
        if (m == null || m.isBlank()) return e.getClass().getSimpleName();
        return m;
    }

    private static String seconds(Duration d) {
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
