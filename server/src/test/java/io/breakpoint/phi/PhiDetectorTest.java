package io.breakpoint.phi;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class PhiDetectorTest {

    private final PhiDetector detector = new PhiDetector(Clock.fixed(Instant.parse("2026-11-25T12:00:00Z"), ZoneOffset.UTC));

    @Test
    void findsANameNextToADateOfBirthWithItsSpan() {
        String text = "Can't open chart for Maria Gonzalez DOB 03/14/1962, Epic says locked";
        assertThat(detector.scan(text)).containsExactly(
                new PhiFinding(PhiKind.PATIENT_NAME, text.indexOf("Maria"), text.indexOf(" DOB")),
                new PhiFinding(PhiKind.DATE_OF_BIRTH, text.indexOf("03/14"), text.indexOf(",")));
    }

    @Test
    void redactsEveryFindingAndSaysWhatWasThere() {
        assertThat(detector.redact("Pt Maria Gonzalez DOB 3/14/62 MRN 00482913 cell 312-555-0147, SSN 123-45-6789"))
                .isEqualTo("Pt [patient's name removed] DOB [date of birth removed] MRN [medical record number removed] "
                        + "cell [phone number removed], SSN [Social Security number removed]");
    }

    @Test
    void leavesPhysiciansTicketsSerialsAddressesOfTheClinicAndVendorLinesAlone() {
        for (String text : new String[]{
                "Dr. Patel can't sign orders, EPCS token expired",
                "Ticket BP-10234 reopened, printer serial CNB3K52231 still jams",
                "Workstation RBH-20931 at 10.20.4.17 on Windows 10.0.19045.4412",
                "Training on 12/3/2026 at 2pm, call Epic support at 1-800-555-0199, my extension 4412",
                "Deliver the monitors to our office at 1200 Oak Street"}) {
            assertThat(detector.scan(text)).as(text).isEmpty();
        }
    }
}
