package io.breakpoint.agent.queue;

import io.breakpoint.agent.Samples;
import io.breakpoint.agent.protocol.Sample;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SampleQueueTest {

    @TempDir
    Path dir;

    private final Instant start = Instant.parse("2026-11-25T08:00:00Z");

    private List<Sample> appendSamples(SampleQueue queue, int count) {
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Sample s = Samples.aSample(start.plusSeconds(60L * i));
            queue.append(s);
            samples.add(s);
        }
        return samples;
    }

    private static List<UUID> ids(List<Sample> samples) {
        return samples.stream().map(Sample::id).toList();
    }

    /** Sends everything the way the agent does: peek, "send", acknowledge. */
    private static List<Sample> drain(SampleQueue queue, int batchSize) {
        List<Sample> sent = new ArrayList<>();
        while (queue.size() > 0) {
            SampleQueue.Batch batch = queue.peek(batchSize, 1 << 20);
            sent.addAll(batch.samples());
            queue.ack(batch);
        }
        return sent;
    }

    @Test
    void samplesComeOutOldestFirstAcrossSegments() throws IOException {
        SampleQueue queue = new SampleQueue(dir, 1 << 20, 4096);
        List<Sample> appended = appendSamples(queue, 40);

        assertThat(Files.list(dir).map(Path::toString).filter(n -> n.endsWith(".jsonl")).count()).isGreaterThan(1);
        assertThat(ids(drain(queue, 7))).containsExactlyElementsOf(ids(appended));
        assertThat(queue.size()).isZero();
    }

    @Test
    void peekingDoesNotRemoveOnlyAcknowledgingDoes() {
        SampleQueue queue = new SampleQueue(dir, 1 << 20, 4096);
        List<Sample> appended = appendSamples(queue, 5);

        SampleQueue.Batch first = queue.peek(3, 1 << 20);
        SampleQueue.Batch again = queue.peek(3, 1 << 20);

        assertThat(ids(again.samples())).isEqualTo(ids(first.samples())).isEqualTo(ids(appended.subList(0, 3)));
        queue.ack(first);
        assertThat(queue.size()).isEqualTo(2);
        assertThat(ids(queue.peek(10, 1 << 20).samples())).isEqualTo(ids(appended.subList(3, 5)));
    }

    @Test
    void aRestartKeepsWhatWasNotAcknowledgedAndForgetsWhatWas() {
        SampleQueue before = new SampleQueue(dir, 1 << 20, 4096);
        List<Sample> appended = appendSamples(before, 30);
        before.ack(before.peek(12, 1 << 20));

        SampleQueue after = new SampleQueue(dir, 1 << 20, 4096);

        assertThat(after.size()).isEqualTo(18);
        assertThat(SampleQueue.countWaiting(dir)).isEqualTo(18);
        assertThat(ids(drain(after, 5))).containsExactlyElementsOf(ids(appended.subList(12, 30)));
    }

    @Test
    void aCrashBetweenSendingAndTheReceiptSendsTheSameSamplesAgainNeverNewCopies() {
        SampleQueue queue = new SampleQueue(dir, 1 << 20, 4096);
        List<Sample> appended = appendSamples(queue, 10);
        List<UUID> sentBeforeTheCrash = ids(queue.peek(4, 1 << 20).samples()); // sent; the agent dies before ack

        SampleQueue restarted = new SampleQueue(dir, 1 << 20, 4096);
        List<Sample> sentAfter = drain(restarted, 4);

        assertThat(ids(sentAfter)).startsWith(sentBeforeTheCrash.toArray(new UUID[0]))
                .containsExactlyElementsOf(ids(appended)).doesNotHaveDuplicates();
        assertThat(new SampleQueue(dir, 1 << 20, 4096).size()).isZero();
    }

    @Test
    void whenFullTheOldestSamplesAreDroppedAndCounted() {
        SampleQueue queue = new SampleQueue(dir, 16 * 1024, 4096);
        List<Sample> appended = appendSamples(queue, 200);

        assertThat(queue.bytesOnDisk()).isLessThanOrEqualTo(16 * 1024);
        assertThat(queue.dropped()).isGreaterThan(0);
        assertThat(queue.size() + queue.dropped()).isEqualTo(200);
        List<Sample> left = drain(queue, 50);
        assertThat(ids(left)).containsExactlyElementsOf(ids(appended.subList(200 - left.size(), 200)));
        assertThat(new SampleQueue(dir, 16 * 1024, 4096).dropped()).isEqualTo(200 - left.size());
    }

    @Test
    void aLineTornByACrashIsCutOffAndTheRestIsKept() throws IOException {
        SampleQueue queue = new SampleQueue(dir, 1 << 20, 4096);
        List<Sample> appended = appendSamples(queue, 3);
        Path segment = Files.list(dir).filter(p -> p.toString().endsWith(".jsonl")).findFirst().orElseThrow();
        Files.write(segment, "{\"id\":\"6d0c3c1e-torn".getBytes(StandardCharsets.UTF_8), StandardOpenOption.APPEND);

        SampleQueue reopened = new SampleQueue(dir, 1 << 20, 4096);
        reopened.append(Samples.aSample(start.plusSeconds(600)));

        List<Sample> sent = drain(reopened, 10);
        assertThat(sent).hasSize(4);
        assertThat(ids(sent).subList(0, 3)).containsExactlyElementsOf(ids(appended));
    }

    @Test
    void aBatchStopsAtTheByteLimitButAlwaysTakesOneSample() {
        SampleQueue queue = new SampleQueue(dir, 1 << 20, 4096);
        appendSamples(queue, 10);

        assertThat(queue.peek(10, 1).samples()).hasSize(1);
        assertThat(queue.peek(10, 1500).samples().size()).isBetween(1, 9);
    }
}
