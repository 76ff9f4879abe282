package io.breakpoint.telemetry.web;

import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.SegmentationCheck;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.agent.protocol.Throughput;
import io.breakpoint.telemetry.internal.FactsJson;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The streaming batch reader reads what data binding reads, and leaves every other shape to data binding. */
class BatchJsonTest {

    private static final UUID DEVICE = UUID.fromString("0b7c2a3e-8f1d-4c2b-9a6e-3d5f7e9a1b2c");

    private static Sample sample(Instant takenAt, DeviceFacts facts, Throughput throughput, SegmentationCheck seg) {
        return new Sample(UUID.randomUUID(), takenAt, takenAt.plusSeconds(30), "10.20.1.15", facts,
                new DeviceState(0.25, 0.5, 0.6, List.of(new DeviceState.ProcessLoad("emr.exe", 0.3, 400_000_000L))),
                List.of(new ProbeResult("GATEWAY", "10.20.1.1", null, 0.6, null, null, 1.2, 3, 0, 0.4, null),
                        new ProbeResult("EMR", "https://emr.example.com", 2.0, 40.5, 60.25, 150.0, 180.125, 1, 1, null, "timeout")),
                throughput, seg, false);
    }

    private static byte[] json(Object value) {
        return FactsJson.AGENT_JSON.writeValueAsBytes(value);
    }

    private static TelemetryBatch bound(byte[] body) {
        return FactsJson.AGENT_JSON.readValue(body, TelemetryBatch.class);
    }

    @Test
    void readsWhatAnAgentSendsExactlyAsDataBindingDoes() {
        DeviceFacts facts = new DeviceFacts("FRONT-DESK-1", "Dell", "OptiPlex", "SN1", "i5", 6, 16L << 30, 512L << 30, 200L << 30,
                true, "Windows 11 Pro", "23H2", "22631", Instant.parse("2026-11-20T07:00:00Z"), "WIRED", "00:11:22:33:44:55");
        TelemetryBatch batch = new TelemetryBatch(DEVICE, "0.1.0", List.of(
                sample(Instant.parse("2026-11-25T10:00:00Z"), facts, new Throughput(1_000_000, 0.5, 16.0),
                        new SegmentationCheck(3, List.of("10.30.0.1"))),
                sample(Instant.parse("2026-11-25T10:01:00.123Z"), null, null, null),
                sample(Instant.parse("2026-11-25T10:02:00.123456789Z"), null, null, null)));
        byte[] body = json(batch);

        TelemetryBatch read = BatchJson.read(body);

        assertThat(read).isNotNull().isEqualTo(bound(body)).isEqualTo(batch);
    }

    @Test
    void ignoresFieldsItDoesNotKnowAsDataBindingDoes() {
        String body = """
                {"deviceId":"0b7c2a3e-8f1d-4c2b-9a6e-3d5f7e9a1b2c","newerField":{"a":[1,2]},"samples":[{"id":"0b7c2a3e-8f1d-4c2b-9a6e-3d5f7e9a1b2d",
                "takenAt":"2026-11-25T10:00:00Z","extra":[{"x":1}],"state":{"cpuLoad":1,"memoryLoad":0.5,"diskUsed":0.1,"gpu":0.2},
                "probes":[{"hop":"EMR","target":"emr","totalMs":12,"attempts":1,"failures":0,"color":"red"}],"burst":true}]}""";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);

        assertThat(BatchJson.read(bytes)).isNotNull().isEqualTo(bound(bytes));
    }

    @Test
    void leavesEveryOtherShapeToDataBinding() {
        String sample = """
                {"id":"0b7c2a3e-8f1d-4c2b-9a6e-3d5f7e9a1b2d","takenAt":%s,"probes":[{"hop":"EMR","target":"emr","totalMs":%s,
                "attempts":%s,"failures":0}],"burst":false}""";
        for (String[] odd : new String[][]{
                {"\"2026-11-25T10:00:00+01:00\"", "12", "1"},    // an offset instead of Z
                {"\"2026-11-25t10:00:00z\"", "12", "1"},         // lower case
                {"\"2026-11-25T24:00:00Z\"", "12", "1"},         // the end of the day
                {"1764064800", "12", "1"},                       // epoch seconds
                {"\"2026-11-25T10:00:00Z\"", "\"12\"", "1"},      // a number as a string
                {"\"2026-11-25T10:00:00Z\"", "12", "1.0"},        // an integer as a float
                {"\"2026-11-25T10:00:00Z\"", "12", "null"},       // null for a primitive
        }) {
            byte[] body = ("{\"samples\":[" + sample.formatted((Object[]) odd) + "]}").getBytes(StandardCharsets.UTF_8);
            assertThat(BatchJson.read(body)).as(odd[0] + " " + odd[1] + " " + odd[2]).isNull();
        }
        for (String body : new String[]{"", "null", "[]", "{\"samples\":[", "{\"samples\":[null]}", "{\"samples\":[]} {}",
                "{\"samples\":[],\"samples\":[]}", "{\"deviceId\":\"not-a-uuid\",\"samples\":[]}",
                "{\"samples\":[{\"id\":\"0b7c2a3e-8f1d-4c2b-9a6e-3d5f7e9a1b2d\",\"burst\":false,\"burst\":true}]}",
                "{\"samples\":[{\"id\":\"0b7c2a3e-8f1d-4c2b-9a6e-3d5f7e9a1b2d\"}]}"}) {
            assertThat(BatchJson.read(body.getBytes(StandardCharsets.UTF_8))).as(body).isNull();
        }
    }
}
