package io.breakpoint.triage.internal;

import io.breakpoint.triage.Assessment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Triage latency per ticket over the held-out split, and the cost of training at startup. A measurement, not a
 * test: it asserts nothing and runs only when asked:
 * <pre>mvn -B -o -q test -pl server -Dtest=TriageBenchmark -Dtriage.bench=true</pre>
 */
class TriageBenchmark {

    @Test
    @EnabledIfSystemProperty(named = "triage.bench", matches = "true")
    void measure() {
        main(new String[0]);
    }

    public static void main(String[] args) {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Corpus corpus = Corpus.shipped();
        long cpu0 = os.getProcessCpuTime(), t0 = System.nanoTime();
        TriageEngine engine = TriageEngine.trainedOn(corpus.train(), TriageEngine.DEFAULT_THRESHOLD);
        long trainWall = System.nanoTime() - t0, trainCpu = os.getProcessCpuTime() - cpu0;

        List<LabelledTicket> heldOut = corpus.heldOut();
        for (int round = 0; round < 30; round++) heldOut.forEach(t -> engine.assess(t.subject(), t.description(), null, null)); // warm-up
        int rounds = 20;
        long[] nanos = new long[heldOut.size() * rounds], cpu = new long[nanos.length];
        var threads = ManagementFactory.getThreadMXBean();
        int i = 0;
        Assessment sink = null;
        for (int round = 0; round < rounds; round++) {
            for (LabelledTicket t : heldOut) {
                long c = threads.getCurrentThreadCpuTime(), s = System.nanoTime();
                sink = engine.assess(t.subject(), t.description(), null, null);
                nanos[i] = System.nanoTime() - s;
                cpu[i++] = threads.getCurrentThreadCpuTime() - c;
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        String paste = "Ransomware note on screen. " + "ERROR 0x80070005 at module ntdll.dll stack frame ".repeat(420);
        paste = paste.substring(0, 20_000);
        long[] big = new long[200];
        for (int k = 0; k < big.length; k++) {
            long s = System.nanoTime();
            sink = engine.assess("help", paste, null, null);
            big[k] = System.nanoTime() - s;
        }
        Arrays.sort(big);
        System.out.printf(Locale.ROOT, "triage benchmark: %d cores, Java %s, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), os.getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "training on %d tickets: %d ms wall, %d ms CPU%n", corpus.train().size(), trainWall / 1_000_000, trainCpu / 1_000_000);
        System.out.printf(Locale.ROOT, "per ticket over %d held-out triages: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n", nanos.length,
                nanos[nanos.length / 2] / 1e6, nanos[(int) (nanos.length * 0.99)] / 1e6, nanos[nanos.length - 1] / 1e6);
        // CPU time of the triaging thread: what triage itself costs, without the waits for a core on a shared machine.
        System.out.printf(Locale.ROOT, "per ticket, CPU time of the triaging thread: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                cpu[cpu.length / 2] / 1e6, cpu[(int) (cpu.length * 0.99)] / 1e6, cpu[cpu.length - 1] / 1e6);
        System.out.printf(Locale.ROOT, "20,000-character ticket: p50 %.3f ms, p99 %.3f ms (%s)%n", big[big.length / 2] / 1e6,
                big[(int) (big.length * 0.99)] / 1e6, sink.category());
    }
}
