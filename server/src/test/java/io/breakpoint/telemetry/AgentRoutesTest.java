package io.breakpoint.telemetry;

import io.breakpoint.agent.protocol.DeviceCredentials;
import io.breakpoint.agent.protocol.DeviceState;
import io.breakpoint.agent.protocol.Sample;
import io.breakpoint.agent.protocol.TelemetryBatch;
import io.breakpoint.testing.Api;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breakpoint.telemetry.AgentFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

/** The routes the workstation agent calls: enrollment, its configuration, and telemetry, as the agent sees them. */
abstract class AgentRoutesTest extends ApiTest {

    // ---- enrollment

    @Test
    void aCodeEnrollsADeviceAtItsSiteAndTheSecretWorks() {
        String code = aCode(api, clinics.grant(), clinics.mainCampus());
        JsonNode r = enroll(api, code, "EXAM-3").expect(201);
        assertThat(r.path("siteId").asString()).isEqualTo(clinics.mainCampus().toString());
        assertThat(r.path("siteName").asString()).isEqualTo("Main Campus");
        String secret = r.path("secret").asString();
        assertThat(secret).hasSizeGreaterThanOrEqualTo(43); // 256 bits
        UUID id = UUID.fromString(r.path("deviceId").asString());
        assertThat(jdbc.sql("select secret_hash from devices where id = ?").param(id).query(String.class).single())
                .as("only a hash is stored").isNotEqualTo(secret).hasSize(64);

        var device = new Device(new DeviceCredentials(id, secret), api);
        assertThat(device.get("/api/v1/agent/config").status()).isEqualTo(200);
        JsonNode seen = api.as(clinics.ben()).get("/api/v1/devices/" + id).expect(200);
        assertThat(seen.path("hostname").asString()).isEqualTo("EXAM-3");
        assertThat(seen.path("facts").path("osName").asString()).isEqualTo("Windows 11 Pro");
    }

    @Test
    void aCodeTypedInLowerCaseWithoutDashesWorksToo() {
        String code = aCode(api, clinics.mspAdmin(), clinics.chesterfield());
        enroll(api, code.replace("-", "").toLowerCase(), "FRONT-1").expect(201);
    }

    @Test
    void aSingleUseCodeEnrollsOneDeviceOnly() {
        String code = aCode(api, clinics.mspAdmin(), clinics.chesterfield());
        enroll(api, code, "ROOM-1").expect(201);
        Api.Response second = enroll(api, code, "ROOM-2");
        assertProblem(second, 409);
        assertThat(second.body()).contains("used up");
    }

    @Test
    void aCodeForThreeDevicesEnrollsThree() {
        String code = api.as(clinics.mspAdmin()).post("/api/v1/sites/" + clinics.chesterfield() + "/enrollment-codes",
                Map.of("maxUses", 3, "label", "Exam rooms")).expect(201).path("code").asString();
        for (int i = 0; i < 3; i++) enroll(api, code, "EXAM-" + i).expect(201);
        assertProblem(enroll(api, code, "EXAM-4"), 409);
    }

    @Test
    void anExpiredCodeIsRefusedPlainly() {
        JsonNode created = api.as(clinics.mspAdmin()).post("/api/v1/sites/" + clinics.chesterfield() + "/enrollment-codes",
                Map.of("validFor", "PT1H")).expect(201);
        jdbc.sql("update enrollment_codes set expires_at = ? where id = ?")
                .params(java.sql.Timestamp.from(Instant.now().minusSeconds(60)), UUID.fromString(created.path("id").asString())).update();
        Api.Response r = enroll(api, created.path("code").asString(), "LATE-1");
        assertProblem(r, 409);
        assertThat(r.body()).contains("expired");
    }

    @Test
    void aRevokedCodeIsRefusedAndTheListShowsItRevoked() {
        JsonNode created = api.as(clinics.grant()).post("/api/v1/sites/" + clinics.mainCampus() + "/enrollment-codes", Map.of()).expect(201);
        api.as(clinics.grant()).post("/api/v1/enrollment-codes/" + created.path("id").asString() + "/revoke", null).expect(200);
        Api.Response r = enroll(api, created.path("code").asString(), "NOPE-1");
        assertProblem(r, 409);
        assertThat(r.body()).contains("revoked");
        JsonNode list = api.as(clinics.grant()).get("/api/v1/sites/" + clinics.mainCampus() + "/enrollment-codes").expect(200);
        JsonNode mine = null;
        for (JsonNode c : list) if (c.path("id").asString().equals(created.path("id").asString())) mine = c;
        assertThat(mine).isNotNull();
        assertThat(mine.path("state").asString()).isEqualTo("REVOKED");
        assertThat(list.toString()).doesNotContain(created.path("code").asString());
    }

    @Test
    void anUnknownCodeIsABadRequest() {
        assertProblem(enroll(api, "AAAA-BBBB-CCCC-DDDD", "WHO-1"), 400);
        assertProblem(api.anonymous().post("/api/v1/agent/enrollments", Map.of("hostname", "X")), 400);
        assertProblem(api.anonymous().post("/api/v1/agent/enrollments", "{not json"), 400);
    }

    @Test
    void onlyAdminsCreateCodesAndOrgAdminsOnlyForTheirOwnSites() {
        assertProblem(api.as(clinics.ben()).post("/api/v1/sites/" + clinics.mainCampus() + "/enrollment-codes", Map.of()), 403);
        assertProblem(api.as(clinics.ellis()).post("/api/v1/sites/" + clinics.mainCampus() + "/enrollment-codes", Map.of()), 403);
        assertProblem(api.as(clinics.jones()).post("/api/v1/sites/" + clinics.mainCampus() + "/enrollment-codes", Map.of()), 404);
        assertProblem(api.as(clinics.mspAdmin()).post("/api/v1/sites/" + clinics.mainCampus() + "/enrollment-codes",
                Map.of("maxUses", 0)), 400);
        assertProblem(api.as(clinics.mspAdmin()).post("/api/v1/sites/" + clinics.mainCampus() + "/enrollment-codes",
                Map.of("validFor", "a week")), 400);
    }

    // ---- device authentication

    @Test
    void agentRoutesRefuseAWrongSecretAnUnknownDeviceAndPeoplesTokens() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "AUTH-1");
        Device wrongSecret = new Device(new DeviceCredentials(device.id(), "not-the-secret"), api);
        Device unknown = new Device(new DeviceCredentials(UUID.randomUUID(), device.credentials().secret()), api);
        assertProblem(wrongSecret.send(aSample()), 401);
        assertProblem(unknown.send(aSample()), 401);
        assertProblem(wrongSecret.get("/api/v1/agent/config"), 401);
        assertProblem(api.anonymous().post("/api/v1/telemetry", new TelemetryBatch(device.id(), "0.1.0", List.of(aSample()))), 401);
        assertProblem(api.as(clinics.mspAdmin()).post("/api/v1/telemetry", new TelemetryBatch(device.id(), "0.1.0", List.of(aSample()))), 401);
        assertProblem(api.anonymous().send("GET", "/api/v1/agent/config", null, "Authorization", "Device garbage"), 401);
        assertThat(count("telemetry_samples where device_id = '" + device.id() + "'")).isZero();
        // and a device secret is no key to the people's API
        assertProblem(device.get("/api/v1/tickets"), 401);
    }

    @Test
    void aRetiredDeviceCanNoLongerSendButItsHistoryStays() {
        Device device = aDevice(api, clinics, clinics.lakesideClinic(), "RETIRE-1");
        device.send(aSample()).expect(200);
        assertProblem(api.as(clinics.lin()).post("/api/v1/devices/" + device.id() + "/retire", null), 403);
        JsonNode retired = api.as(clinics.jones()).post("/api/v1/devices/" + device.id() + "/retire", null).expect(200);
        assertThat(retired.path("retired").asBoolean()).isTrue();
        Api.Response refused = device.send(aSample());
        assertProblem(refused, 401);
        assertThat(refused.body()).contains("retired");
        assertThat(count("telemetry_samples where device_id = '" + device.id() + "'")).isEqualTo(1);
    }

    @Test
    void theConfigurationFollowsTheSitesSettingsAndItsVersionChangesOnEdit() {
        Device device = aDevice(api, clinics, clinics.lakesideClinic(), "CONF-1");
        JsonNode before = device.get("/api/v1/agent/config").expect(200);
        assertThat(before.path("sampleEverySeconds").asInt()).isEqualTo(60);
        assertThat(before.path("maxBatchSamples").asInt()).isEqualTo(500);
        assertThat(before.path("throughputUrl").asString()).endsWith("/api/v1/agent/throughput?bytes=1000000");

        api.as(clinics.jones()).post("/api/v1/sites/" + clinics.lakesideClinic() + "/segments", Map.of("name", "Guest Wi-Fi",
                "purpose", "GUEST", "cidrs", List.of("192.168.50.0/24"), "probeAddresses", List.of("192.168.50.1:80"))).expect(201);
        api.as(clinics.jones()).send("PUT", "/api/v1/sites/" + clinics.lakesideClinic() + "/probe-settings", Map.of(
                "sampleEverySeconds", 30, "edgeHost", "10.9.0.1", "referenceHost", "1.1.1.1:443",
                "emrEndpoints", List.of("https://emr.example.com/login"),
                "emrTransaction", List.of("https://emr.example.com/login", "https://emr.example.com/static/app.js"))).expect(200);
        JsonNode after = device.get("/api/v1/agent/config").expect(200);
        assertThat(after.path("version").asLong()).isGreaterThan(before.path("version").asLong());
        assertThat(after.path("sampleEverySeconds").asInt()).isEqualTo(30);
        assertThat(after.path("edgeHost").asString()).isEqualTo("10.9.0.1");
        assertThat(after.path("emrTransaction").size()).isEqualTo(2);
        assertThat(after.path("guestAddresses").toString()).contains("192.168.50.1:80");

        assertProblem(api.as(clinics.jones()).send("PUT", "/api/v1/sites/" + clinics.lakesideClinic() + "/probe-settings",
                Map.of("emrEndpoints", List.of("ftp://emr")), "Content-Type", "application/json"), 400);
        assertThat(device.get("/api/v1/agent/throughput?bytes=1000").status()).isEqualTo(200);
    }

    // ---- telemetry

    @Test
    void aBatchIsStoredOneRowPerHopAndTheDeviceIsSeen() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "STORE-1");
        Sample s = at(aSample(), "10.20.1.15", facts("STORE-1-RENAMED"));
        JsonNode receipt = device.send(s, aSample()).expect(200);
        assertThat(receipt.path("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.path("duplicates").asInt()).isZero();
        assertThat(receipt.path("rejected").size()).isZero();
        assertThat(count("probe_measurements where device_id = '" + device.id() + "'")).isEqualTo(4);
        JsonNode seen = api.as(clinics.hale()).get("/api/v1/devices/" + device.id()).expect(200);
        assertThat(seen.path("hostname").asString()).isEqualTo("STORE-1-RENAMED");
        assertThat(seen.path("localAddress").asString()).isEqualTo("10.20.1.15");
        assertThat(Instant.parse(seen.path("lastSeenAt").asString())).isAfter(Instant.now().minusSeconds(60));
    }

    @Test
    void targetsAreStoredExactlyAsSentTabsAndBackslashesIncluded() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "TEXT-1");
        String odd = "https://emr.example.com/a\\b\tc\\N";
        Sample s = withProbes(aSample(), probe("EMR", odd, 10.0));
        device.send(s).expect(200);
        assertThat(jdbc.sql("select target from probe_measurements where sample_id = ?").param(s.id()).query(String.class).single())
                .isEqualTo(odd);
    }

    @Test
    void resendingABatchStoresNothingTwice() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "RESEND-1");
        List<Sample> batch = samples(5);
        device.send(batch).expect(200);
        JsonNode again = device.send(batch).expect(200);
        assertThat(again.path("accepted").asInt()).isZero();
        assertThat(again.path("duplicates").asInt()).isEqualTo(5);
        List<Sample> overlapping = new ArrayList<>(batch.subList(3, 5));
        overlapping.add(aSample());
        overlapping.add(overlapping.get(2)); // the same sample twice in one batch
        JsonNode third = device.send(overlapping).expect(200);
        assertThat(third.path("accepted").asInt()).isEqualTo(1);
        assertThat(third.path("duplicates").asInt()).isEqualTo(3);
        assertThat(count("telemetry_samples where device_id = '" + device.id() + "'")).isEqualTo(6);
        assertThat(count("probe_measurements where device_id = '" + device.id() + "'")).isEqualTo(12);
    }

    @Test
    void aBatchSentTwiceAtOnceIsStoredOnce() throws Exception {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "RACE-1");
        List<Sample> batch = samples(50);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(() -> device.send(batch));
            var second = pool.submit(() -> device.send(batch));
            JsonNode a = first.get().expect(200), b = second.get().expect(200);
            assertThat(a.path("accepted").asInt() + b.path("accepted").asInt()).isEqualTo(50);
            assertThat(a.path("duplicates").asInt() + b.path("duplicates").asInt()).isEqualTo(50);
        } finally {
            pool.shutdown();
        }
        assertThat(count("telemetry_samples where device_id = '" + device.id() + "'")).isEqualTo(50);
        assertThat(count("probe_measurements where device_id = '" + device.id() + "'")).isEqualTo(100);
    }

    @Test
    void badSamplesAreRefusedEachWithItsReasonAndTheGoodOnesKept() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "BAD-1");
        Instant now = Instant.now();
        Sample good = aSample();
        Sample future = takenAt(aSample(), now.plus(Duration.ofHours(1)), now);
        Sample ancient = takenAt(aSample(), now.minus(Duration.ofDays(30)), now);
        Sample negative = withProbes(aSample(), probe("GATEWAY", "10.20.1.1", -4.0));
        Sample tenHours = withProbes(aSample(), probe("EMR", "https://emr.example.com", 36_000_000.0));
        Sample overloaded = withState(aSample(), new DeviceState(1.7, 0.5, 0.5, List.of()));
        Sample nan = withState(aSample(), new DeviceState(Double.NaN, 0.5, 0.5, List.of()));
        Sample badHop = withProbes(aSample(), probe("gateway; drop table", "x", 1.0));
        JsonNode receipt = device.send(good, future, ancient, negative, tenHours, overloaded, badHop).expect(200);
        assertThat(receipt.path("accepted").asInt()).isEqualTo(1);
        Map<String, String> reasons = new java.util.HashMap<>();
        receipt.path("rejected").forEach(r -> reasons.put(r.path("sampleId").asString(), r.path("reason").asString()));
        assertThat(reasons).hasSize(6);
        assertThat(reasons.get(future.id().toString())).contains("future");
        assertThat(reasons.get(ancient.id().toString())).contains("retention");
        assertThat(reasons.get(negative.id().toString())).contains("-2.0 is not a time");
        assertThat(reasons.get(tenHours.id().toString())).contains("600000");
        assertThat(reasons.get(overloaded.id().toString())).contains("cpuLoad");
        assertThat(reasons.get(badHop.id().toString())).contains("hop");
        assertThat(count("telemetry_samples where device_id = '" + device.id() + "'")).isEqualTo(1);
        // NaN is not a number JSON knows; whichever way it arrives, it is not stored
        Api.Response r = device.send(nan);
        assertThat(r.status() == 400 || r.json().path("rejected").size() == 1).as(r.body()).isTrue();
        assertThat(count("telemetry_samples where device_id = '" + device.id() + "'")).isEqualTo(1);
    }

    @Test
    void aBatchOverTheLimitIsRefusedWhole() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "BIG-1");
        Api.Response r = device.send(samples(501));
        assertProblem(r, 413);
        assertThat(r.body()).contains("at most 500");
        assertThat(count("telemetry_samples where device_id = '" + device.id() + "'")).isZero();
        assertThat(device.send(List.of()).expect(200).path("accepted").asInt()).isZero();
        String huge = "{\"samples\":[],\"agentVersion\":\"" + "x".repeat(5_000_000) + "\"}";
        assertProblem(api.anonymous().post("/api/v1/telemetry", huge, "Authorization", device.credentials().authorizationHeader(),
                "Content-Type", "application/json"), 413);
    }

    @Test
    void aSkewedClockIsCorrectedFromWhenTheBatchWasSent() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "SKEW-1");
        Instant now = Instant.now();
        // The agent's clock runs two hours ahead: it says it took the sample at +2h - 1 min and sent it at +2h.
        Sample s = takenAt(aSample(), now.plus(Duration.ofHours(2)).minusSeconds(60), now.plus(Duration.ofHours(2)));
        assertThat(device.send(s).expect(200).path("accepted").asInt()).isEqualTo(1);
        Instant stored = jdbc.sql("select taken_at from telemetry_samples where id = ?").param(s.id())
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(Duration.between(now.minusSeconds(60), stored).abs()).isLessThan(Duration.ofSeconds(20));
        JsonNode seen = api.as(clinics.ben()).get("/api/v1/devices/" + device.id()).expect(200);
        assertThat(seen.path("clockSkewMs").asLong()).isBetween(Duration.ofHours(2).minusSeconds(20).toMillis(), Duration.ofHours(2).toMillis());
    }

    @Test
    void aDeviceThatSendsTooOftenIsToldWhenToComeBack() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "FLOOD-1");
        Api.Response last = null;
        for (int i = 0; i < 15 && (last == null || last.status() == 200); i++) last = device.send(aSample());
        assertProblem(last, 429);
        assertThat(last.body()).contains("wait");
        Api.Response again = device.send(aSample());
        assertThat(again.status()).isEqualTo(429);
    }

    @Test
    void unknownFieldsFromANewerAgentAreIgnored() {
        Device device = aDevice(api, clinics, clinics.mainCampus(), "NEWER-1");
        Sample s = aSample();
        String json = Api.JSON.writeValueAsString(new TelemetryBatch(device.id(), "9.0", List.of(s)))
                .replaceFirst("\\{", "{\"compression\":\"none\",");
        JsonNode r = api.anonymous().post("/api/v1/telemetry", json, "Authorization", device.credentials().authorizationHeader(),
                "Content-Type", "application/json").expect(200);
        assertThat(r.path("accepted").asInt()).isEqualTo(1);
    }
}

@OnH2
class AgentRoutesOnH2Test extends AgentRoutesTest {
}

@OnPostgres
class AgentRoutesOnPostgresTest extends AgentRoutesTest {
}
