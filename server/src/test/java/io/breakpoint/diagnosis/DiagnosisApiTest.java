package io.breakpoint.diagnosis;

import io.breakpoint.identity.Administration;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

abstract class DiagnosisApiTest extends ApiTest {

    private static final String SITES = "/api/v1/diagnosis/sites/";

    @Test
    void aSiteWithoutHistorySaysSoInsteadOfGuessing() {
        // Other tests on this database enroll devices here that report a minute of data at most: never a history.
        JsonNode d = api.as(clinics.ben()).get(SITES + clinics.chesterfield()).expect(200);

        assertThat(d.path("breakpoint").asString()).isEqualTo("INSUFFICIENT_DATA");
        assertThat(d.path("confidence").asDouble()).isLessThanOrEqualTo(0.2);
        assertThat(d.path("summary").asString()).contains("do not have enough measurements");
        assertThat(api.as(clinics.ben()).get("/api/v1/sites/" + clinics.chesterfield() + "/diagnosis").expect(200)
                .path("breakpoint").asString()).as("PRODUCT.md's route answers the same").isEqualTo("INSUFFICIENT_DATA");
    }

    @Test
    void clinicStaffReadTheSummaryOnTheirTicketNotTheDiagnosis() {
        var r = api.as(clinics.ellis()).get(SITES + clinics.chesterfield());

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.isProblem()).isTrue();
    }

    @Test
    void aWindowThatMakesNoSenseIsABadRequest() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var backwards = api.as(clinics.ben()).get(SITES + clinics.chesterfield() + "?from=" + now + "&to=" + now.minusSeconds(60));
        var tooLong = api.as(clinics.ben()).get(SITES + clinics.chesterfield() + "?from=" + now.minus(30, ChronoUnit.DAYS) + "&to=" + now);
        var future = api.as(clinics.ben()).get(SITES + clinics.chesterfield() + "?to=" + now.plus(1, ChronoUnit.DAYS));
        var garbled = api.as(clinics.ben()).get(SITES + clinics.chesterfield() + "?from=yesterday");

        for (var r : new ApiResponse[]{new ApiResponse(backwards), new ApiResponse(tooLong), new ApiResponse(future), new ApiResponse(garbled)}) {
            assertThat(r.r().status()).as(r.r().body()).isEqualTo(400);
            assertThat(r.r().isProblem()).isTrue();
        }
    }

    @Test
    void unknownDevicesAndSitesAreNotFound() {
        assertThat(api.as(clinics.ben()).get("/api/v1/diagnosis/devices/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as(clinics.ben()).get(SITES + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.as(clinics.ben()).get(SITES + "not-a-uuid").status()).isEqualTo(400);
    }

    @Test
    void aTicketIsDiagnosedOverTheHourBeforeItWasOpened() {
        JsonNode ticket = opens(clinics.ellis(), aTicket().about("EMR slow in exam 2"));

        JsonNode d = api.as(clinics.ben()).get("/api/v1/diagnosis/tickets/" + id(ticket)).expect(200);

        assertThat(d.path("siteId").asString()).isEqualTo(ticket.path("siteId").asString());
        assertThat(Instant.parse(d.path("to").asString()).truncatedTo(ChronoUnit.MILLIS))
                .isEqualTo(Instant.parse(ticket.path("createdAt").asString()).truncatedTo(ChronoUnit.MILLIS));
        assertThat(api.as(clinics.ellis()).get("/api/v1/diagnosis/tickets/" + id(ticket)).status()).isEqualTo(403);
    }

    @Autowired
    Administration admin;
    @Autowired
    SiteWarmUp warmUp;

    @Test
    void afterAStartTheBusiestSitesAreDiagnosedFirstAndASiteWithoutDevicesNotAtAll() {
        UUID[] made = new UUID[4];
        String name = "Warm-up Clinic " + UUID.randomUUID().toString().substring(0, 8);
        clinics.asMspAdmin(() -> {
            made[0] = admin.createOrganization(name, false);
            made[1] = admin.createSite(made[0], "Busy Clinic", "America/Chicago", Map.of(), Map.of());
            made[2] = admin.createSite(made[0], "Quiet Clinic", "America/Chicago", Map.of(), Map.of());
            made[3] = admin.createSite(made[0], "Empty Clinic", "America/Chicago", Map.of(), Map.of());
        });
        for (int i = 1; i <= 3; i++) enrolled(made[1], "BUSY-" + i);
        enrolled(made[2], "QUIET-1");

        List<UUID> warmed = warmUp.warm(1_000);

        assertThat(warmed).contains(made[1], made[2]).doesNotContain(made[3]);
        assertThat(warmed.indexOf(made[1])).as("three devices before one").isLessThan(warmed.indexOf(made[2]));
    }

    private void enrolled(UUID siteId, String hostname) {
        String code = api.as(clinics.mspAdmin()).post("/api/v1/sites/" + siteId + "/enrollment-codes", Map.of()).expect(201)
                .path("code").asString();
        api.anonymous().post("/api/v1/agent/enrollments", Map.of("code", code, "hostname", hostname)).expect(201);
    }

    private record ApiResponse(io.breakpoint.testing.Api.Response r) {
    }
}

@OnH2
class DiagnosisApiOnH2Test extends DiagnosisApiTest {
}

@OnPostgres
class DiagnosisApiOnPostgresTest extends DiagnosisApiTest {
}
