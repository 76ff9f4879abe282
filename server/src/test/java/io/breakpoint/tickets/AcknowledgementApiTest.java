package io.breakpoint.tickets;

import io.breakpoint.identity.Administration;
import io.breakpoint.testing.ApiTest;
import io.breakpoint.testing.OnH2;
import io.breakpoint.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

abstract class AcknowledgementApiTest extends ApiTest {

    @Autowired
    Administration administration;

    @Test
    void theRequesterIsAnsweredAtOnceByTheDeskButThatIsNotTheFirstResponse() {
        JsonNode t = api.as(clinics.ellis()).post("/api/v1/tickets",
                aTicket().about("Label printer prints blank labels").describedAs("Front desk Zebra feeds but prints nothing.").json())
                .expect(201);

        JsonNode seen = api.as(clinics.ellis()).get("/api/v1/tickets/" + t.path("id").asString()).expect(200);
        JsonNode ack = acknowledgement(seen);
        assertThat(ack).as("an acknowledgement in the requester's thread").isNotNull();
        assertThat(ack.path("visibility").asString()).isEqualTo("PUBLIC");
        assertThat(ack.path("actorId").isNull()).as("written by the desk, not a person").isTrue();
        assertThat(ack.path("body").asString())
                .contains(seen.path("reference").asString())
                .contains("priority " + seen.path("priority").asString())
                .contains("Tier " + seen.path("tier").asInt())
                .contains("A person will answer you");
        assertThat(seen.path("firstResponseAt").isNull()).as("the 90-second measure counts humans only").isTrue();
    }

    @Test
    void accountProblemsGetTheOrganizationsSelfServiceSteps() {
        clinics.asMspAdmin(() -> administration.setAccountHelp(clinics.riverbend(),
                "Locked out of the EMR? Wait 15 minutes, then try again."));
        JsonNode t = api.as(clinics.fox()).post("/api/v1/tickets", aTicket()
                .about("Locked out of my account")
                .describedAs("I typed my password wrong a few times and now the EMR login says my account is locked.")
                .json()).expect(201);
        JsonNode seen = api.as(clinics.fox()).get("/api/v1/tickets/" + t.path("id").asString()).expect(200);
        assertThat(seen.path("category").asString()).as("triage reads a lock-out as an account problem").isEqualTo("ACCOUNT_ACCESS");
        assertThat(acknowledgement(seen).path("body").asString()).contains("Wait 15 minutes");
    }

    private static JsonNode acknowledgement(JsonNode ticket) {
        for (JsonNode e : ticket.path("entries").values()) {
            if ("ACKNOWLEDGED".equals(e.path("kind").asString())) return e;
        }
        return null;
    }
}

@OnH2
class AcknowledgementApiOnH2Test extends AcknowledgementApiTest {
}

@OnPostgres
class AcknowledgementApiOnPostgresTest extends AcknowledgementApiTest {
}
