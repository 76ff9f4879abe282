package io.breakpoint.agent.queue;

import io.breakpoint.agent.json.Json;
import io.breakpoint.agent.protocol.Sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Samples waiting for the server, on disk, oldest first.
 *
 * <p>Samples are appended as JSON lines to segment files ({@code seg-0000000000000001.jsonl}, ...). A
 * {@code head} file holds the position of the oldest sample the server has not acknowledged; it moves
 * (atomically: written beside and renamed) only in {@link #ack}, after the server's receipt. A crash
 * between sending and acknowledging therefore sends the same samples again with the same ids, and the
 * server drops them as duplicates: nothing is lost, nothing is stored twice.
 *
 * <p>The queue is bounded by {@code maxBytes}: when an append would pass it, the oldest segment is
 * deleted and its unsent samples are counted in {@link #dropped()} (kept in the file {@code dropped}).
 * A line torn by a crash in the middle of an append is cut off when the queue is opened.
 */
public final class SampleQueue {

    private static final String SEGMENT_PREFIX = "seg-";
    private static final String SEGMENT_SUFFIX = ".jsonl";

    /** Where the next unacknowledged sample starts. */
    public record Position(long segment, long offset) {}

    /** Samples read from the queue, and the position after the last one (what {@link #ack} takes). */
    public record Batch(List<Sample> samples, Position end, int lines) {}

    private final Path dir;
    private final long maxBytes;
    private final long segmentBytes;
    private final TreeMap<Long, Long> segments = new TreeMap<>(); // segment number -> size in bytes
    private Position head;
    private long size;
    private long dropped;

    public SampleQueue(Path dir, long maxBytes) {
        this(dir, maxBytes, Math.max(4096, maxBytes / 8));
    }

    public SampleQueue(Path dir, long maxBytes, long segmentBytes) {
        if (segmentBytes * 2 > maxBytes) throw new IllegalArgumentException("segments must be at most half the cap");
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.segmentBytes = segmentBytes;
        try {
            Files.createDirectories(dir);
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the queue in " + dir, e);
        }
    }

    /** How many samples wait in the queue in {@code dir}, without opening it for writing (for {@code status}). */
    public static long countWaiting(Path dir) {
        if (!Files.isDirectory(dir)) return 0;
        try {
            Position head = readHead(dir);
            long count = 0;
            for (Path segment : segmentFiles(dir)) {
                long number = numberOf(segment);
                if (number < head.segment()) continue;
                long from = number == head.segment() ? head.offset() : 0;
                count += countLines(segment, from);
            }
            return count;
        } catch (IOException e) {
            return -1;
        }
    }

    public synchronized long size() {
        return size;
    }

    public synchronized long dropped() {
        return dropped;
    }

    public synchronized long bytesOnDisk() {
        return segments.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Writes the sample to disk (flushed to the device) before returning. */
    public synchronized void append(Sample sample) {
        byte[] line = (Json.write(sample) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            long last = segments.isEmpty() ? head.segment() : segments.lastKey();
            if (segments.isEmpty() || segments.get(last) + line.length > segmentBytes) {
                last = segments.isEmpty() ? Math.max(1, head.segment()) : last + 1;
                segments.put(last, 0L);
            }
            while (bytesOnDisk() + line.length > maxBytes && segments.firstKey() != last) dropOldestSegment();
            try (FileChannel out = FileChannel.open(segment(last), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                out.write(ByteBuffer.wrap(line));
                out.force(false);
            }
            segments.put(last, segments.get(last) + line.length);
            size++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write to the queue in " + dir, e);
        }
    }

    /**
     * Up to {@code maxSamples} of the oldest samples (fewer when {@code maxBytes} of JSON is reached), without
     * removing them. A line that cannot be read back is skipped (and acknowledged with the batch).
     */
    public synchronized Batch peek(int maxSamples, long maxBytesOfJson) {
        List<Sample> samples = new ArrayList<>();
        int lines = 0;
        long bytes = 0;
        Position end = head;
        try {
            for (Long number : segments.navigableKeySet().tailSet(head.segment(), true)) {
                long offset = number == head.segment() ? head.offset() : 0;
                try (FileChannel in = FileChannel.open(segment(number), StandardOpenOption.READ)) {
                    in.position(offset);
                    BufferedReader reader = new BufferedReader(new InputStreamReader(Channels.newInputStream(in),
                            StandardCharsets.UTF_8));
                    String line;
                    while (samples.size() < maxSamples && (line = reader.readLine()) != null) {
                        long length = line.getBytes(StandardCharsets.UTF_8).length + 1;
                        if (!samples.isEmpty() && bytes + length > maxBytesOfJson) return new Batch(samples, end, lines);
                        offset += length;
                        bytes += length;
                        lines++;
                        end = new Position(number, offset);
                        try {
                            samples.add(Json.read(line, Sample.class));
                        } catch (RuntimeException unreadable) {
                            // a damaged line cannot be sent; it leaves the queue with this batch
                        }
                    }
                }
                if (samples.size() >= maxSamples) break;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the queue in " + dir, e);
        }
        return new Batch(samples, end, lines);
    }

    /** The server has the batch: forget its samples. */
    public synchronized void ack(Batch batch) {
        if (batch.lines() == 0) return;
        Position end = batch.end();
        if (end.segment() < head.segment() || (end.segment() == head.segment() && end.offset() <= head.offset())) {
            return; // already acknowledged (the oldest segment was dropped meanwhile)
        }
        try {
            Long size = segments.get(end.segment());
            Long next = segments.higherKey(end.segment());
            if (size != null && end.offset() >= size && next != null) end = new Position(next, 0);
            writeHead(end);
            head = end;
            for (Long number : new ArrayList<>(segments.headMap(end.segment(), false).keySet())) {
                Files.deleteIfExists(segment(number));
                segments.remove(number);
            }
            this.size = Math.max(0, this.size - batch.lines());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot acknowledge in the queue in " + dir, e);
        }
    }

    private void open() throws IOException {
        head = readHead(dir);
        Path droppedFile = dir.resolve("dropped");
        dropped = Files.exists(droppedFile) ? Long.parseLong(Files.readString(droppedFile).trim()) : 0;
        for (Path file : segmentFiles(dir)) {
            long number = numberOf(file);
            if (number < head.segment()) {
                Files.deleteIfExists(file);
                continue;
            }
            segments.put(number, cutTornLine(file));
        }
        if (!segments.isEmpty() && !segments.containsKey(head.segment())) head = new Position(segments.firstKey(), 0);
        if (segments.isEmpty() && head.offset() > 0) head = new Position(head.segment() + 1, 0);
        size = 0;
        for (Long number : segments.keySet()) {
            size += countLines(segment(number), number == head.segment() ? head.offset() : 0);
        }
    }

    private void dropOldestSegment() throws IOException {
        long oldest = segments.firstKey();
        long unsent = countLines(segment(oldest), oldest == head.segment() ? head.offset() : 0);
        dropped += unsent;
        size -= unsent;
        Position next = new Position(segments.higherKey(oldest), 0);
        writeHead(next);
        head = next;
        Files.writeString(dir.resolve("dropped.tmp"), Long.toString(dropped));
        Files.move(dir.resolve("dropped.tmp"), dir.resolve("dropped"), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(segment(oldest));
        segments.remove(oldest);
    }

    private void writeHead(Position position) throws IOException {
        Path tmp = dir.resolve("head.tmp");
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            out.write(ByteBuffer.wrap((position.segment() + " " + position.offset()).getBytes(StandardCharsets.UTF_8)));
            out.force(false);
        }
        Files.move(tmp, dir.resolve("head"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Position readHead(Path dir) throws IOException {
        Path file = dir.resolve("head");
        if (!Files.exists(file)) return new Position(1, 0);
        String[] parts = Files.readString(file).trim().split(" ");
        try {
            return new Position(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
        } catch (RuntimeException damaged) {
            return new Position(1, 0);
        }
    }

    /** Cuts a segment back to its last complete line; returns its size. */
    private static long cutTornLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long keep = size;
            ByteBuffer one = ByteBuffer.allocate(1);
            while (keep > 0) {
                one.clear();
                channel.read(one, keep - 1);
                if (one.get(0) == '\n') break;
                keep--;
            }
            if (keep < size) channel.truncate(keep);
            return keep;
        }
    }

    private static long countLines(Path file, long from) throws IOException {
        long count = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            in.position(from);
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (in.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) if (buffer.get() == '\n') count++;
                buffer.clear();
            }
        }
        return count;
    }

    private static List<Path> segmentFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, SEGMENT_PREFIX + "*" + SEGMENT_SUFFIX)) {
            for (Path p : stream) files.add(p);
        }
        files.sort((a, b) -> Long.compare(numberOf(a), numberOf(b)));
        return files;
    }

    private static long numberOf(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(SEGMENT_PREFIX.length(), name.length() - SEGMENT_SUFFIX.length()));
    }

    private Path segment(long number) {
        return dir.resolve(String.format(java.util.Locale.ROOT, "%s%016d%s", SEGMENT_PREFIX, number, SEGMENT_SUFFIX));
    }
}
