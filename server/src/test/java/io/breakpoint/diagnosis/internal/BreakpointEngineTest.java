package io.breakpoint.diagnosis.internal;

import io.breakpoint.diagnosis.Breakpoint;
import io.breakpoint.diagnosis.Diagnosis;
import io.breakpoint.diagnosis.DiagnosisThresholds;
import io.breakpoint.diagnosis.RecurringWindow;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Hop;
import io.breakpoint.diagnosis.internal.SiteMeasurements.Purpose;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.breakpoint.diagnosis.internal.SyntheticClinic.*;
import static org.assertj.core.api.Assertions.assertThat;

class BreakpointEngineTest {

    private final BreakpointEngine engine = new BreakpointEngine(DiagnosisThresholds.defaults());

    private Diagnosis diagnose(SyntheticClinic c) {
        return engine.diagnoseSite(c.build(), c.currentFrom(), c.now, c.now);
    }

    private Diagnosis diagnose(SyntheticClinic c, String device) {
        return engine.diagnoseDevice(c.build(), c.named(device).id, c.currentFrom(), c.now, c.now);
    }

    @Nested
    class NothingWrong {
        @Test
        void aHealthyClinicHasNoBreakpoint() {
            Diagnosis d = diagnose(withTwoSegments("Chesterfield Clinic", 4, 3).peer("Main Campus", Map.of()));

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.NONE);
            assertThat(d.confidence()).isGreaterThanOrEqualTo(0.8);
            assertThat(d.alsoSeen()).isEmpty();
            assertThat(d.recurring()).isEmpty();
            assertThat(d.evidence()).anyMatch(e -> e.matches("Gateway round trip \\d(\\.\\d)? ms, usual \\d(\\.\\d)? ms"));
        }

        @Test
        void aClinicWithoutMeasurementsHasInsufficientData() {
            SyntheticClinic c = clinic("Empty Clinic");
            c.segment("Clinical", Purpose.CLINICAL, false);

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.INSUFFICIENT_DATA);
            assertThat(d.confidence()).isZero();
            assertThat(d.summary()).contains("do not have enough measurements");
        }

        @Test
        void devicesEnrolledThisHourHaveNoHistoryToCompareWith() {
            SyntheticClinic c = withTwoSegments("New Clinic", 2, 0);
            c.devices.values().forEach(d -> d.onlySince(c.currentFrom()));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.INSUFFICIENT_DATA);
            assertThat(d.evidence().get(0)).contains("no history");
        }

        @Test
        void aDeviceThatSentNothingInTheWindowHasInsufficientDataEvenWhenItsSiteIsFine() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 3, 0);
            c.named("exam-1").onlySince(c.now.plus(Duration.ofDays(1)));

            assertThat(diagnose(c, "exam-1").breakpoint()).isEqualTo(Breakpoint.INSUFFICIENT_DATA);
            assertThat(diagnose(c, "exam-2").breakpoint()).isEqualTo(Breakpoint.NONE);
        }
    }

    @Nested
    class Endpoint {
        @Test
        void anOldLaptopWithItsCpuPinnedWhileItsNeighboursAreFineIsTheEndpoint() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 4, 2);
            c.named("exam-2").hardware("Latitude E5440", 2, 4).busy(0.97, 0.93, Duration.ofMinutes(40))
                    .slower(Hop.EMR_TRANSACTION, 3.2, c.current());

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.ENDPOINT);
            assertThat(d.affectedDevices()).containsExactly(c.named("exam-2").id);
            assertThat(d.confidence()).isGreaterThanOrEqualTo(0.85);
            assertThat(d.headline()).contains("exam-2").contains("CPU above 90% for 41 min");
            assertThat(d.evidence()).anyMatch(e -> e.startsWith("EMR transaction") && e.contains("its 3 neighbours normal at"));
            assertThat(d.evidence()).anyMatch(e -> e.contains("Latitude E5440 below the EMR's minimum: 2 CPU cores (the EMR needs 4), 4 GB of memory"));
            assertThat(d.summary()).startsWith("This computer is what slows the EMR down: it is overloaded (CPU above 90%");
        }

        @Test
        void readingsCloserThanTheirSpanCountOnlyTheTimeTheyCover() {
            // An agent sampling every 3 s sends readings that each claim a minute: 20 of them are one minute of load.
            Instant start = Instant.parse("2026-11-25T10:00:00Z");
            List<SiteMeasurements.Load> every3s = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                every3s.add(new SiteMeasurements.Load(start.plusSeconds(3L * i), Duration.ofMinutes(1), 0.99, 0.5, 0.5));
            }
            every3s.add(new SiteMeasurements.Load(start.plusSeconds(60), Duration.ofMinutes(1), 0.2, 0.5, 0.5));

            assertThat(engine.longestRun(every3s, true)).isEqualTo(Duration.ofMinutes(1));
            assertThat(engine.longestRun(every3s.subList(0, 20), true)).as("the last reading covers its span")
                    .isEqualTo(Duration.ofSeconds(57 + 60));
        }

        @Test
        void aShortCpuSpikeIsNotSaturation() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 3, 0);
            c.named("exam-1").busy(0.99, 0.5, Duration.ofMinutes(3));

            assertThat(diagnose(c).breakpoint()).isEqualTo(Breakpoint.NONE);
        }

        @Test
        void oneDeviceSlowOnItsOwnWithoutLoadIsStillTheEndpointButLessSurely() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 4, 0);
            c.named("exam-3").slower(Hop.GATEWAY, 8, c.current()).slower(Hop.EDGE, 3, c.current());

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.ENDPOINT);
            assertThat(d.affectedDevices()).containsExactly(c.named("exam-3").id);
            assertThat(d.confidence()).isBetween(0.55, 0.7);
            assertThat(d.headline()).contains("slow on its own while its neighbours are fine");
        }

        @Test
        void hardwareBelowTheMinimumAloneIsANoteNotAFault() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 3, 0);
            c.named("exam-1").hardware("Latitude E5440", 2, 4);

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.NONE);
            assertThat(d.evidence()).anyMatch(e -> e.startsWith("exam-1: Latitude E5440 below the EMR's minimum"));
        }
    }

    @Nested
    class LocalNetwork {
        @Test
        void aWholeSegmentSlowToItsGatewayWithGuestsOnItIsTheLocalNetwork() {
            SyntheticClinic c = clinic("O'Fallon Satellite");
            UUID clinical = c.segment("Clinical Wi-Fi", Purpose.CLINICAL, true);
            UUID wired = c.segment("Front desk wired", Purpose.CLINICAL, false);
            for (int i = 1; i <= 4; i++) {
                c.device("exam-" + i, clinical).slower(Hop.GATEWAY, 12, c.current()).losing(Hop.GATEWAY, 0.02, 24, c.current())
                        .slower(Hop.EDGE, 5, c.current()).slower(Hop.REFERENCE, 2, c.current());
            }
            for (int i = 1; i <= 2; i++) c.device("front-" + i, wired);

            Diagnosis d = diagnose(c.peer("Main Campus", Map.of()));

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.LOCAL_NETWORK);
            assertThat(d.confidence()).isGreaterThanOrEqualTo(0.85);
            assertThat(d.headline()).contains("Clinical Wi-Fi").contains("guest and clinical traffic share it");
            assertThat(d.evidence().get(0)).matches("Gateway round trip 3\\d ms, 1\\dx its usual 3(\\.\\d)? ms for this hour of the week "
                    + "on segment Clinical Wi-Fi \\(4 of 4 devices\\); 2% loss, jitter 24 ms \\(above 20 ms\\)");
            assertThat(d.evidence()).anyMatch(e -> e.matches("segment Front desk wired normal at \\d(\\.\\d)? ms"));
            assertThat(d.evidence()).anyMatch(e -> e.contains("guest traffic competes with clinical traffic"));
            assertThat(d.affectedDevices()).hasSize(4);
            assertThat(d.alsoSeen()).isEmpty(); // the WAN is not blamed for what the segment does to every hop after it
            assertThat(d.summary()).contains("local network is congested");
        }

        @Test
        void lossAloneOnASegmentIsEnough() {
            SyntheticClinic c = withTwoSegments("O'Fallon Satellite", 3, 2);
            c.on("Clinical").forEach(d -> d.losing(Hop.GATEWAY, 0.05, 2, c.current()));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.LOCAL_NETWORK);
            assertThat(d.evidence().get(0)).contains("5% loss");
        }

        @Test
        void aWeekdayAfternoonPatternIsFoundAndStillCountsAsAFaultAtTheTimeItRecurs() {
            SyntheticClinic c = clinic("O'Fallon Satellite");
            UUID clinical = c.segment("Clinical", Purpose.CLINICAL, true);
            UUID voice = c.segment("Voice", Purpose.VOICE, false);
            for (int i = 1; i <= 3; i++) c.device("exam-" + i, clinical).slower(Hop.GATEWAY, 9, weekdayAfternoons());
            c.device("phone-1", voice);
            c.device("phone-2", voice);

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.LOCAL_NETWORK);
            // The same hour in past weeks was as slow: the usual level of all hours is the baseline, not that hour.
            assertThat(d.evidence().get(0)).contains("its usual 3 ms on segment Clinical").doesNotContain("for this hour of the week");
            assertThat(d.recurring()).hasSize(1);
            RecurringWindow w = d.recurring().get(0);
            assertThat(w.days()).isEqualTo(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
            assertThat(w.from()).isEqualTo(LocalTime.of(13, 0));
            assertThat(w.to()).isEqualTo(LocalTime.of(15, 0));
            assertThat(w.weeks()).isEqualTo(4);
            assertThat(w.withinClinicHours()).isTrue();
            assertThat(w.text()).isEqualTo("Gateway round trip slow on weekdays 13:00–15:00 for 4 weeks, during clinic hours (07:30–17:30)");
        }

        @Test
        void aPatternInOnlyTwoOfFourWeeksDoesNotRecur() {
            SyntheticClinic c = withTwoSegments("O'Fallon Satellite", 3, 0);
            java.time.Instant cut = c.now.minus(Duration.ofDays(9));
            c.on("Clinical").forEach(d -> d.slower(Hop.GATEWAY, 9, at -> weekdayAfternoons().test(at) && at.isAfter(cut)));

            assertThat(diagnose(c).recurring()).isEmpty();
        }
    }

    @Nested
    class Wan {
        private SyntheticClinic thinLink() {
            SyntheticClinic c = withTwoSegments("Lakeside Clinic", 3, 2);
            c.devices.values().forEach(d -> d.slower(Hop.EDGE, 7, c.current()).slower(Hop.REFERENCE, 4.5, c.current())
                    .slower(Hop.EMR, 1.8, c.current()).slower(Hop.EMR_TRANSACTION, 2, c.current()));
            return c;
        }

        @Test
        void gatewayFineButEdgeSlowForEveryDeviceWhileOtherSitesAreFineIsTheWan() {
            SyntheticClinic c = thinLink().peer("Main Campus", Map.of()).peer("Chesterfield Clinic", Map.of());

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.WAN);
            assertThat(d.confidence()).isGreaterThanOrEqualTo(0.85);
            assertThat(d.evidence().get(0)).matches("Site edge round trip 6\\d ms, 7(\\.\\d)?x its usual \\d(\\.\\d)? ms for this hour of the week \\(5 of 5 devices\\)");
            assertThat(d.evidence()).anyMatch(e -> e.matches("gateway normal at \\d(\\.\\d)? ms"));
            assertThat(d.evidence()).anyMatch(e -> e.startsWith("other sites on the same EMR normal to the reference host (2 of 2"));
            assertThat(d.affectedSites()).containsExactly(c.siteId);
            assertThat(d.summary()).isEqualTo("The clinic's internet link is saturated; we are on it.");
            assertThat(d.alsoSeen()).isEmpty();
        }

        @Test
        void aReferenceHostSlowFromEverySiteIsNotThisSitesLink() {
            SyntheticClinic c = withTwoSegments("Lakeside Clinic", 3, 0);
            c.devices.values().forEach(d -> d.slower(Hop.REFERENCE, 4, c.current()));
            c.peer("Main Campus", Map.of(Hop.REFERENCE, 4.0)).peer("Chesterfield Clinic", Map.of(Hop.REFERENCE, 4.0));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isNotEqualTo(Breakpoint.WAN);
            assertThat(d.evidence()).anyMatch(e -> e.contains("slow from 2 of 2 other sites too"));
        }

        @Test
        void aRoundTripAboveTheHostedEmrLimitIsTheWanEvenWithoutHistory() {
            SyntheticClinic c = withTwoSegments("Lakeside Clinic", 2, 0);
            c.devices.values().forEach(d -> d.onlySince(c.currentFrom()).slower(Hop.REFERENCE, 5, c.current()));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.WAN);
            assertThat(d.evidence().get(0)).contains("above the 100 ms a hosted EMR tolerates");
            assertThat(d.confidence()).isLessThan(0.85);
        }

        @Test
        void aThinLinkAndAPinnedLaptopTogetherNameTheWanFirstAndTheLaptopToo() {
            SyntheticClinic c = thinLink().peer("Main Campus", Map.of());
            c.named("exam-1").busy(0.98, 0.6, Duration.ofMinutes(30));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.WAN);
            assertThat(d.alsoSeen()).singleElement().satisfies(f -> {
                assertThat(f.breakpoint()).isEqualTo(Breakpoint.ENDPOINT);
                assertThat(f.devices()).containsExactly(c.named("exam-1").id);
            });
            // Seen from the laptop, the widest fault comes first as well.
            Diagnosis laptop = diagnose(c, "exam-1");
            assertThat(laptop.breakpoint()).isEqualTo(Breakpoint.WAN);
            assertThat(laptop.alsoSeen()).extracting(f -> f.breakpoint()).containsExactly(Breakpoint.ENDPOINT);
            assertThat(diagnose(c, "front-1").alsoSeen()).isEmpty();
        }
    }

    @Nested
    class Cloud {
        @Test
        void allHopsFineButTheEmrSlowAtEverySiteIsTheCloud() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 3, 2);
            c.devices.values().forEach(d -> d.slower(Hop.EMR, 4, c.current()).slower(Hop.EMR_TRANSACTION, 3, c.current()));
            c.peer("Main Campus", Map.of(Hop.EMR, 4.0)).peer("Lakeside Clinic", Map.of(Hop.EMR, 3.5));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.CLOUD);
            assertThat(d.confidence()).isGreaterThanOrEqualTo(0.9);
            assertThat(d.headline()).contains("at every site");
            assertThat(d.evidence().get(0)).startsWith("EMR time to first byte 7").contains("(5 of 5 devices)");
            assertThat(d.evidence()).anyMatch(e -> e.startsWith("the network path is normal: gateway round trip 3"));
            assertThat(d.affectedSites()).hasSize(3).contains(c.siteId);
            assertThat(d.summary()).contains("at other clinics too");
        }

        @Test
        void theEmrSlowOnlyHereWithTheNetworkFineIsStillTheCloudButLessSurely() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 3, 0);
            c.devices.values().forEach(d -> d.slower(Hop.EMR, 4, c.current()));
            c.peer("Main Campus", Map.of());

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.CLOUD);
            assertThat(d.confidence()).isLessThan(0.75);
            assertThat(d.affectedSites()).containsExactly(c.siteId);
            assertThat(d.evidence()).anyMatch(e -> e.contains("other sites on the same EMR normal"));
        }
    }

    @Nested
    class Borderline {
        @Test
        void fortyPercentSlowerIsWithinTheUsualRange() {
            SyntheticClinic c = withTwoSegments("Lakeside Clinic", 3, 0);
            c.devices.values().forEach(d -> d.slower(Hop.REFERENCE, 1.4, c.current()));

            Diagnosis d = diagnose(c);
            assertThat(d.breakpoint()).as(d.toString()).isEqualTo(Breakpoint.NONE);
        }

        @Test
        void justOverTheMedianRatioIsAFaultWithLessConfidence() {
            SyntheticClinic c = withTwoSegments("Lakeside Clinic", 3, 0);
            c.devices.values().forEach(d -> d.slower(Hop.REFERENCE, 1.65, c.current()));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.WAN);
            SyntheticClinic clear = withTwoSegments("Lakeside Clinic", 3, 0);
            clear.devices.values().forEach(x -> x.slower(Hop.REFERENCE, 3, clear.current()));
            assertThat(d.confidence()).isLessThan(diagnose(clear).confidence());
        }

        @Test
        void doublingATinyRoundTripIsNotAFault() {
            SyntheticClinic c = withTwoSegments("Lakeside Clinic", 3, 0);
            c.devices.values().forEach(d -> d.slower(Hop.GATEWAY, 2, c.current())); // 3 ms to 6 ms

            assertThat(diagnose(c).breakpoint()).isEqualTo(Breakpoint.NONE);
        }

        @Test
        void oneSlowDeviceOfFourIsNotTheSegment() {
            SyntheticClinic c = withTwoSegments("O'Fallon Satellite", 4, 0);
            c.named("exam-1").slower(Hop.GATEWAY, 10, c.current());

            assertThat(diagnose(c).breakpoint()).isEqualTo(Breakpoint.ENDPOINT);
        }

        @Test
        void halfTheSegmentSlowIsTheSegment() {
            SyntheticClinic c = withTwoSegments("O'Fallon Satellite", 4, 0);
            c.named("exam-1").slower(Hop.GATEWAY, 10, c.current());
            c.named("exam-2").slower(Hop.GATEWAY, 10, c.current());

            assertThat(diagnose(c).breakpoint()).isEqualTo(Breakpoint.LOCAL_NETWORK);
        }
    }

    @Nested
    class ClockSkew {
        @Test
        void anAgentClockHoursAheadIsCorrectedAndDiagnosedAsUsual() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 4, 2);
            c.named("exam-2").busy(0.97, 0.5, Duration.ofMinutes(40)).slower(Hop.EMR_TRANSACTION, 3, c.current())
                    .clockAhead(Duration.ofHours(3).plusMinutes(7));
            c.named("exam-3").clockAhead(Duration.ofMinutes(-45));

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isEqualTo(Breakpoint.ENDPOINT);
            assertThat(d.affectedDevices()).containsExactly(c.named("exam-2").id);
            assertThat(d.evidence()).noneMatch(e -> e.contains("stamped in the future"));
        }

        @Test
        void anUnnoticedClockAheadNeitherBreaksTheDiagnosisNorPassesFutureTimesOffAsNow() {
            SyntheticClinic c = withTwoSegments("Chesterfield Clinic", 4, 0);
            c.named("exam-1").clockAheadUnnoticed(Duration.ofHours(2)).slower(Hop.GATEWAY, 10, at -> true);

            Diagnosis d = diagnose(c);

            assertThat(d.breakpoint()).isIn(Breakpoint.ENDPOINT, Breakpoint.NONE);
            assertThat(d.evidence()).anyMatch(e -> e.startsWith("2 measurements stamped in the future") || e.contains("stamped in the future"));
            assertThat(d.breakpoint()).isNotEqualTo(Breakpoint.LOCAL_NETWORK);
        }
    }
}
