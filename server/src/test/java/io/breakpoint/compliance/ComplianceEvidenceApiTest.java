package io.breakpoint.compliance;

import io.breakpoint.agent.protocol.*;
import io.breakpoint.identity.Administration;
import io.breakpoint.identity.NewPerson;
import io.breakpoint.identity.Role;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.Clinics;
import io.breakpoint.testing.Clinics.Person;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compliance evidence filled in from the desk's real sources (sign-in, audit chain, device registry, segments),
 * for the organization asked about and never another's. Each test works in organizations of its own.
 */
abstract class ComplianceEvidenceApiTest extends ApiTest {

    private static final String C = "/api/v1/compliance/organizations/";

    @Autowired
    Administration admin;

    private final class Clinic {
        final UUID org, site;
        final Person manager, it, nurse;

        Clinic() {
            String n = "Evidence Clinic " + UUID.randomUUID().toString().substring(0, 8);
            UUID[] made = new UUID[2];
            clinics.asMspAdmin(() -> made[0] = admin.createOrganization(n, false));
            clinics.asMspAdmin(() -> made[1] = admin.createSite(made[0], "North Clinic", "America/Chicago", Map.of(), Map.of()));
            org = made[0];
            site = made[1];
            manager = person("Pat Manager", Role.ORG_ADMIN);
            it = person("Ira Tech", Role.INTERNAL_IT);
            nurse = person("Nell Nurse", Role.REQUESTER);
            clinics.enrolNewcomers(); // clinic IT must use MFA: enrolled; the others are not
        }

        Person person(String name, Role role) {
            String email = name.toLowerCase(Locale.ROOT).replace(' ', '.') + "." + UUID.randomUUID().toString().substring(0, 6) + "@evidence.test";
            UUID[] id = new UUID[1];
            clinics.asMspAdmin(() -> id[0] = admin.createPerson(new NewPerson(email, name, role, org, site, Set.of(), Clinics.PASSWORD)));
            return new Person(id[0], email, role);
        }

        void segment(String name, String purpose, String cidr) {
            api.as(clinics.mspAdmin()).post("/api/v1/sites/" + site + "/segments",
                    Map.of("name", name, "purpose", purpose, "cidrs", List.of(cidr), "probeAddresses", List.of())).expect(201);
        }

        Device enrol(String hostname, String os, String version, Boolean encrypted) {
            String code = api.as(clinics.mspAdmin()).post("/api/v1/sites/" + site + "/enrollment-codes", Map.of()).expect(201)
                    .path("code").asString();
            DeviceFacts facts = new DeviceFacts(hostname, "Dell", "OptiPlex", "SN-" + hostname, "Intel Core i5", 4, 8L << 30,
                    256L << 30, 100L << 30, encrypted, os, version, null, null, "WIRED", null);
            JsonNode r = api.anonymous().post("/api/v1/agent/enrollments", new EnrollmentRequest(code, hostname, "0.1.0", facts)).expect(201);
            UUID id = UUID.fromString(r.path("deviceId").asString());
            return new Device(id, new DeviceCredentials(id, r.path("secret").asString()).authorizationHeader());
        }

        JsonNode evidence() {
            return api.as(manager).get(C + org + "/evidence").expect(200);
        }
    }

    private record Device(UUID id, String authorization) {
    }

    /** A clinical device reports that it reached a guest address in the segmentation check. */
    private void reachesGuest(Device d, String address) {
        Instant now = Instant.now();
        Sample s = new Sample(UUID.randomUUID(), now.minusSeconds(5), now, address, null, new DeviceState(0.2, 0.4, 0.5, List.of()),
                List.of(), null, new SegmentationCheck(2, List.of("10.71.9.1:443")), false);
        api.anonymous().post("/api/v1/telemetry", new TelemetryBatch(d.id(), "0.1.0", List.of(s)), "Authorization", d.authorization())
                .expect(200);
    }

    private static JsonNode finding(JsonNode evidence, String key) {
        for (JsonNode f : evidence.path("findings")) if (f.path("key").asString().equals(key)) return f;
        throw new AssertionError("no finding " + key + " in " + evidence);
    }

    @Test
    void theEvidenceCountsTheOrganizationsOwnPeopleAndDevices() {
        Clinic a = new Clinic();
        Clinic b = new Clinic();

        JsonNode before = a.evidence();
        assertThat(finding(before, "mfa").path("summary").asString()).startsWith("1 of 3 people");
        assertThat(finding(before, "mfa").path("verdict").asString()).isEqualTo("AT_RISK");
        assertThat(finding(before, "unsupported-os").path("verdict").asString()).as("no device enrolled yet").isEqualTo("NOT_MEASURED");
        JsonNode audit = finding(before, "audit-integrity");
        assertThat(audit.path("verdict").asString()).isIn("GOOD", "AT_RISK");
        assertThat(audit.path("summary").asString()).contains("records checked");

        a.enrol("NORTH-FRONT-1", "Windows", "7", false);
        a.enrol("NORTH-EXAM-2", "Windows", "11", true);
        a.enrol("NORTH-MAC-3", "macOS", "12.7.4", null);
        b.enrol("OTHER-EXAM-1", "Windows", "11", true);

        JsonNode after = a.evidence();
        JsonNode os = finding(after, "unsupported-os");
        assertThat(os.path("verdict").asString()).isEqualTo("AT_RISK");
        assertThat(os.path("summary").asString()).startsWith("2 of 3 devices");
        JsonNode disk = finding(after, "disk-encryption");
        assertThat(disk.path("verdict").asString()).isEqualTo("AT_RISK");
        assertThat(disk.path("summary").asString()).startsWith("1 of 3 devices have no disk encryption").contains("1 have not reported it");

        JsonNode other = b.evidence();
        assertThat(finding(other, "unsupported-os").path("summary").asString()).startsWith("0 of 1 devices");
        assertThat(finding(other, "unsupported-os").path("verdict").asString()).isEqualTo("GOOD");
        assertThat(finding(other, "disk-encryption").path("verdict").asString()).isEqualTo("GOOD");
        assertThat(api.as(a.manager).get(C + b.org + "/evidence").status()).as("another organization's evidence").isEqualTo(404);
    }

    @Test
    void aGuestNetworkReachableFromTheClinicalSegmentShowsUpForThatOrganizationOnly() {
        Clinic a = new Clinic();
        Clinic b = new Clinic(); // the same private ranges at another clinic are no shared network
        for (Clinic c : List.of(a, b)) {
            c.segment("Exam rooms", "CLINICAL", "10.71.1.0/24");
            c.segment("Guest Wi-Fi", "GUEST", "10.71.9.0/24");
        }
        assertThat(finding(a.evidence(), "segmentation").path("verdict").asString()).isEqualTo("GOOD");

        Device exam = a.enrol("NORTH-EXAM-7", "Windows", "11", true);
        b.enrol("OTHER-EXAM-7", "Windows", "11", true);
        reachesGuest(exam, "10.71.1.20");

        JsonNode shared = finding(a.evidence(), "segmentation");
        assertThat(shared.path("verdict").asString()).isEqualTo("AT_RISK");
        assertThat(shared.path("summary").asString()).contains("North Clinic", "Exam rooms (clinical)", "Guest Wi-Fi (guest)");
        assertThat(finding(b.evidence(), "segmentation").path("verdict").asString()).isEqualTo("GOOD");
    }

    @Test
    void aGuestRangeInsideTheClinicalRangeIsASharedNetwork() {
        Clinic a = new Clinic();
        a.segment("Clinic LAN", "CLINICAL", "10.73.0.0/16");
        a.segment("Guest Wi-Fi", "GUEST", "10.73.9.0/24");

        JsonNode shared = finding(a.evidence(), "segmentation");
        assertThat(shared.path("verdict").asString()).isEqualTo("AT_RISK");
        assertThat(shared.path("summary").asString()).contains("10.73.0.0/16", "Clinic LAN (clinical)", "Guest Wi-Fi (guest)");
    }

    @Test
    void theSelfAuditSaysTheEmrLagIsNotMeasuredWithoutWeeksOfTelemetry() {
        Clinic a = new Clinic();
        a.enrol("NORTH-EXAM-9", "Windows", "11", true);

        JsonNode audit = api.as(a.manager).get(C + a.org + "/self-audit").expect(200);
        JsonNode lag = audit.path("checks").get(0);
        assertThat(lag.path("question").asString()).isEqualTo("Does the EMR lag only at a specific time of day?");
        assertThat(lag.path("verdict").asString()).isEqualTo("NOT_MEASURED");
    }
}

@OnH2
class ComplianceEvidenceApiOnH2Test extends ComplianceEvidenceApiTest {
}

@OnPostgres
class ComplianceEvidenceApiOnPostgresTest extends ComplianceEvidenceApiTest {
}
