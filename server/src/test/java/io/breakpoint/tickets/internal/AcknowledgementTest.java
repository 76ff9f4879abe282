package io.breakpoint.tickets.internal;

import io.breakpoint.tickets.Category;
import io.breakpoint.tickets.Priority;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class AcknowledgementTest {

    static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    static final Instant NOW = Instant.parse("2026-11-24T16:00:00Z"); // Tuesday 10:00 in Chicago

    @Test
    void saysWhatWasUnderstoodWhoHandlesItAndWhenAPersonAnswers() {
        String m = Acknowledgement.compose("BP-1042", Category.PRINTING_SCANNING, Priority.P3, 1, null,
                NOW.plusSeconds(30 * 60), NOW, CHICAGO, null);
        assertThat(m).isEqualTo("Thanks, we have your ticket BP-1042. We understood it as printing & scanning, priority P3 "
                + "(normal). It is with our Tier 1 team. A person will answer you within 30 minutes.");
    }

    @Test
    void namesTheEngineerWhenThereIsOne() {
        assertThat(Acknowledgement.compose("BP-7", Category.EMR_PERFORMANCE, Priority.P2, 2, "Ben", NOW.plusSeconds(300), NOW, CHICAGO, null))
                .contains("Ben from our Tier 2 team is handling it.").contains("within 5 minutes");
    }

    @Test
    void aDistantDueTimeIsAClockTimeInTheSitesZone() {
        String m = Acknowledgement.compose("BP-8", Category.SERVICE_REQUEST, Priority.P4, 1, null,
                Instant.parse("2026-11-25T16:00:00Z"), NOW, CHICAGO, null);
        assertThat(m).endsWith("A person will answer you by Wed Nov 25, 10:00 AM CST.");
    }

    @Test
    void accountProblemsCarryTheSelfServiceStepsOthersDoNot() {
        String help = "Wait 15 minutes: the lock lifts by itself.";
        assertThat(Acknowledgement.compose("BP-9", Category.ACCOUNT_ACCESS, Priority.P2, 1, null, NOW.plusSeconds(300), NOW, CHICAGO, help))
                .contains("While you wait, this often fixes it:\n" + help);
        assertThat(Acknowledgement.compose("BP-9", Category.PRINTING_SCANNING, Priority.P2, 1, null, NOW.plusSeconds(300), NOW, CHICAGO, help))
                .doesNotContain(help);
    }
}
