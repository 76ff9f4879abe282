package io.breakpoint.telemetry;

import io.breakpoint.agent.protocol.DeviceCredentials;
import io.breakpoint.agent.protocol.DeviceFacts;
import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.ProbeResult;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.Clinics;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Small builders for the agent's side of the conversation: codes, enrolled devices, samples with sensible defaults. */
final class AgentFixtures {

    private AgentFixtures() {
    }

    /** A fresh single-use code for the site, created by the given admin through the API. */
    static String aCode(Api api, Clinics.Person admin, UUID siteId) {
        return api.as(admin).post("/api/v1/sites/" + siteId + "/enrollment-codes", Map.of()).expect(201).path("code").asString();
    }

    static Api.Response enroll(Api api, String code, String hostname) {
        return api.anonymous().post("/api/v1/agent/enrollments", Map.of("code", code, "hostname", hostname,
                "agentVersion", "0.1.0", "facts", facts(hostname)));
    }

    /** A device enrolled at the site (with a code the MSP admin creates). */
    static Device aDevice(Api api, Clinics clinics, UUID siteId, String hostname) {
        JsonNode r = enroll(api, aCode(api, clinics.mspAdmin(), siteId), hostname).expect(201);
        return new Device(new DeviceCredentials(UUID.fromString(r.path("deviceId").asString()), r.path("secret").asString()), api);
    }

    static DeviceFacts facts(String hostname) {
        return new DeviceFacts(hostname, "Dell", "OptiPlex 7090", "SN123", "Intel Core i5-10500", 6, 16L << 30, 512L << 30,
                200L << 30, true, "Windows 11 Pro", "23H2", "22631.3007", Instant.parse("2026-11-20T07:00:00Z"), "WIRED",
                "00:11:22:33:44:55");
    }

    /** A sample taken now at 10.20.1.15 with a gateway and an EMR probe; change what the test is about. */
    static Sample aSample() {
        Instant now = Instant.now();
        return new Sample(UUID.randomUUID(), now.minusSeconds(5), now, "10.20.1.15", null, new DeviceState(0.25, 0.5, 0.6, List.of()),
                List.of(probe("GATEWAY", "10.20.1.1", 1.2), probe("EMR", "https://emr.example.com", 180.0)), null, null, false);
    }

    static ProbeResult probe(String hop, String target, Double totalMs) {
        return new ProbeResult(hop, target, null, totalMs == null ? null : totalMs / 2, null, null, totalMs, 3, 0, 0.4, null);
    }

    static Sample takenAt(Sample s, Instant takenAt, Instant sentAt) {
        return new Sample(s.id(), takenAt, sentAt, s.localAddress(), s.facts(), s.state(), s.probes(), s.throughput(), s.segmentation(), s.burst());
    }

    static Sample withState(Sample s, DeviceState state) {
        return new Sample(s.id(), s.takenAt(), s.sentAt(), s.localAddress(), s.facts(), state, s.probes(), s.throughput(), s.segmentation(), s.burst());
    }

    static Sample withProbes(Sample s, ProbeResult... probes) {
        return new Sample(s.id(), s.takenAt(), s.sentAt(), s.localAddress(), s.facts(), s.state(), Arrays.asList(probes), s.throughput(), s.segmentation(), s.burst());
    }

    static Sample at(Sample s, String localAddress, DeviceFacts facts) {
        return new Sample(s.id(), s.takenAt(), s.sentAt(), localAddress, facts, s.state(), s.probes(), s.throughput(), s.segmentation(), s.burst());
    }

    static List<Sample> samples(int n) {
        List<Sample> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(aSample());
        return out;
    }

    record Device(DeviceCredentials credentials, Api api) {

        UUID id() {
            return credentials.deviceId();
        }

        Api.Response send(Sample... samples) {
            return send(Arrays.asList(samples));
        }

        Api.Response send(List<Sample> samples) {
            return api.anonymous().post("/api/v1/telemetry", new TelemetryBatch(id(), "0.1.0", samples),
                    "Authorization", credentials.authorizationHeader());
        }

        Api.Response get(String path) {
            return api.anonymous().send("GET", path, null, "Authorization", credentials.authorizationHeader());
        }
    }

    static void assertProblem(Api.Response r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.isProblem()).as("problem details: " + r.contentType()).isTrue();
    }
}
