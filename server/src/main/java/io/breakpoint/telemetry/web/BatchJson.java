package io.breakpoint.telemetry.web;

import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SegmentationCheck;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.agent.protocol.Throughput;
import io.breakpoint.telemetry.internal.FactsJson;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a telemetry batch by streaming its tokens into the protocol records, for the shapes agents send: ids as
 * canonical UUIDs, times as {@code 2026-11-25T10:00:00.123Z}, numbers as numbers. Jackson's record binding cost more
 * CPU per hop row than storing it (a method handle spread per record, the time formatter per timestamp). Anything
 * else (another spelling of a time, a string for a number, a missing primitive, a repeated field, invalid JSON) makes
 * {@link #read} answer null, and the caller reads the body with data binding as before: the result and every
 * refusal stay what data binding decides. Rarely sent parts (facts, throughput, segmentation, top processes) are
 * bound by Jackson from the same stream.
 */
final class BatchJson {

    private static final ObjectReader FACTS = subtree().forType(DeviceFacts.class);
    private static final ObjectReader THROUGHPUT = subtree().forType(Throughput.class);
    private static final ObjectReader SEGMENTATION = subtree().forType(SegmentationCheck.class);
    private static final ObjectReader PROCESSES = subtree().forType(new TypeReference<List<DeviceState.ProcessLoad>>() {
    });

    private BatchJson() {
    }

    private static ObjectReader subtree() {
        // reading one value from the middle of the batch: what follows it is the rest of the batch, not trailing garbage
        return FactsJson.AGENT_JSON.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /** Thrown for any shape this reader leaves to data binding. */
    private static final class NotHandled extends RuntimeException {
        NotHandled() {
            super(null, null, false, false);
        }
    }

    private static final NotHandled NOT_HANDLED = new NotHandled();

    /** The batch, or null when data binding must read it. */
    static TelemetryBatch read(byte[] body) {
        try (JsonParser p = FactsJson.AGENT_JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            UUID deviceId = null;
            String agentVersion = null;
            List<Sample> samples = null;
            Set<String> names = new HashSet<>(4);
            for (String name = p.nextName(); name != null; name = p.nextName()) {
                if (!names.add(name)) return null;
                JsonToken t = p.nextToken();
                switch (name) {
                    case "deviceId" -> deviceId = uuid(p, t);
                    case "agentVersion" -> agentVersion = string(p, t);
                    case "samples" -> samples = samples(p, t);
                    default -> p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) return null;
            return new TelemetryBatch(deviceId, agentVersion, samples);
        } catch (RuntimeException notForThisReader) { // NotHandled, or anything Jackson refused: data binding decides
            return null;
        }
    }

    private static List<Sample> samples(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw NOT_HANDLED;
        List<Sample> samples = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) samples.add(sample(p));
        return samples;
    }

    private static Sample sample(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) throw NOT_HANDLED;
        UUID id = null;
        Instant takenAt = null, sentAt = null;
        String localAddress = null;
        DeviceFacts facts = null;
        DeviceState state = null;
        List<ProbeResult> probes = null;
        Throughput throughput = null;
        SegmentationCheck segmentation = null;
        Boolean burst = null;
        int seen = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "id" -> { bit = 1; id = uuid(p, t); }
                case "takenAt" -> { bit = 2; takenAt = instant(p, t); }
                case "sentAt" -> { bit = 4; sentAt = instant(p, t); }
                case "localAddress" -> { bit = 8; localAddress = string(p, t); }
                case "facts" -> { bit = 16; facts = t == JsonToken.VALUE_NULL ? null : FACTS.readValue(p); }
                case "state" -> { bit = 32; state = state(p, t); }
                case "probes" -> { bit = 64; probes = probes(p, t); }
                case "throughput" -> { bit = 128; throughput = t == JsonToken.VALUE_NULL ? null : THROUGHPUT.readValue(p); }
                case "segmentation" -> { bit = 256; segmentation = t == JsonToken.VALUE_NULL ? null : SEGMENTATION.readValue(p); }
                case "burst" -> { bit = 512; burst = bool(t); }
                default -> { bit = 0; p.skipChildren(); }
            }
            if ((seen & bit) != 0) throw NOT_HANDLED;
            seen |= bit;
        }
        if (burst == null) throw NOT_HANDLED;
        return new Sample(id, takenAt, sentAt, localAddress, facts, state, probes, throughput, segmentation, burst);
    }

    private static DeviceState state(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_OBJECT) throw NOT_HANDLED;
        Double cpu = null, memory = null, disk = null;
        List<DeviceState.ProcessLoad> top = null;
        boolean topSeen = false;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "cpuLoad" -> { if (cpu != null) throw NOT_HANDLED; cpu = primitive(p, v); }
                case "memoryLoad" -> { if (memory != null) throw NOT_HANDLED; memory = primitive(p, v); }
                case "diskUsed" -> { if (disk != null) throw NOT_HANDLED; disk = primitive(p, v); }
                case "topProcesses" -> {
                    if (topSeen) throw NOT_HANDLED;
                    topSeen = true;
                    top = v == JsonToken.VALUE_NULL ? null : PROCESSES.readValue(p);
                }
                default -> p.skipChildren();
            }
        }
        if (cpu == null || memory == null || disk == null) throw NOT_HANDLED;
        return new DeviceState(cpu, memory, disk, top);
    }

    private static List<ProbeResult> probes(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.START_ARRAY) throw NOT_HANDLED;
        List<ProbeResult> probes = new ArrayList<>(8);
        while (p.nextToken() != JsonToken.END_ARRAY) probes.add(probe(p));
        return probes;
    }

    private static ProbeResult probe(JsonParser p) {
        if (p.currentToken() != JsonToken.START_OBJECT) throw NOT_HANDLED;
        String hop = null, target = null, error = null;
        Double dns = null, connect = null, tls = null, firstByte = null, total = null, jitter = null;
        Integer attempts = null, failures = null;
        int seen = 0;
        for (String name = p.nextName(); name != null; name = p.nextName()) {
            JsonToken t = p.nextToken();
            int bit;
            switch (name) {
                case "hop" -> { bit = 1; hop = string(p, t); }
                case "target" -> { bit = 2; target = string(p, t); }
                case "dnsMs" -> { bit = 4; dns = number(p, t); }
                case "connectMs" -> { bit = 8; connect = number(p, t); }
                case "tlsMs" -> { bit = 16; tls = number(p, t); }
                case "firstByteMs" -> { bit = 32; firstByte = number(p, t); }
                case "totalMs" -> { bit = 64; total = number(p, t); }
                case "attempts" -> { bit = 128; attempts = integer(p, t); }
                case "failures" -> { bit = 256; failures = integer(p, t); }
                case "jitterMs" -> { bit = 512; jitter = number(p, t); }
                case "error" -> { bit = 1024; error = string(p, t); }
                default -> { bit = 0; p.skipChildren(); }
            }
            if ((seen & bit) != 0) throw NOT_HANDLED;
            seen |= bit;
        }
        if (attempts == null || failures == null) throw NOT_HANDLED;
        return new ProbeResult(hop, target, dns, connect, tls, firstByte, total, attempts, failures, jitter, error);
    }

    private static String string(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw NOT_HANDLED;
        return p.getString();
    }

    private static Double number(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        return primitive(p, t);
    }

    private static double primitive(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_FLOAT && t != JsonToken.VALUE_NUMBER_INT) throw NOT_HANDLED;
        return p.getDoubleValue();
    }

    private static int integer(JsonParser p, JsonToken t) {
        if (t != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) throw NOT_HANDLED;
        return p.getIntValue();
    }

    private static boolean bool(JsonToken t) {
        if (t == JsonToken.VALUE_TRUE) return true;
        if (t == JsonToken.VALUE_FALSE) return false;
        throw NOT_HANDLED;
    }

    /** Only the canonical 36-character form (8-4-4-4-12 hex digits). */
    private static UUID uuid(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw NOT_HANDLED;
        String s = p.getString();
        if (s.length() != 36) throw NOT_HANDLED;
        long hi = 0, lo = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') throw NOT_HANDLED;
                continue;
            }
            int d = Character.digit(c, 16);
            if (d < 0 || c > 'f') throw NOT_HANDLED;
            if (digits++ < 16) hi = hi << 4 | d;
            else lo = lo << 4 | d;
        }
        return new UUID(hi, lo);
    }

    /** Only {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} with hours to 23 and seconds to 59 (what Instant.toString writes). */
    private static Instant instant(JsonParser p, JsonToken t) {
        if (t == JsonToken.VALUE_NULL) return null;
        if (t != JsonToken.VALUE_STRING) throw NOT_HANDLED;
        String s = p.getString();
        int n = s.length();
        if (n < 20 || n > 30 || s.charAt(n - 1) != 'Z' || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T'
                || s.charAt(13) != ':' || s.charAt(16) != ':') throw NOT_HANDLED;
        int year = digits(s, 0, 4), month = digits(s, 5, 7), day = digits(s, 8, 10);
        int hour = digits(s, 11, 13), minute = digits(s, 14, 16), second = digits(s, 17, 19);
        if (hour > 23 || minute > 59 || second > 59) throw NOT_HANDLED;
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) throw NOT_HANDLED;
            int fraction = n - 21;
            nanos = digits(s, 20, n - 1);
            for (int i = fraction; i < 9; i++) nanos *= 10;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException e) {
            throw NOT_HANDLED;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw NOT_HANDLED;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
