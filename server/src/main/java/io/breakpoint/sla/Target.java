package io.breakpoint.sla;

import java.time.Duration;

/** One SLA target: how much time, and which clock it is counted on. */
public record Target(Clock clock, Duration amount, int clinicDays) {

    public enum Clock {
        /** Wall-clock time, nights and holidays included (P1). */
        AROUND_THE_CLOCK,
        /** Only time within the site's clinic hours counts. */
        CLINIC_TIME,
        /** The close of the clinic day the clock starts on. */
        END_OF_CLINIC_DAY,
        /** That many clinic days later, at the same time of the clinic day. */
        CLINIC_DAYS
    }

    public static Target aroundTheClock(Duration d) {
        return new Target(Clock.AROUND_THE_CLOCK, d, 0);
    }

    public static Target clinicTime(Duration d) {
        return new Target(Clock.CLINIC_TIME, d, 0);
    }

    public static Target endOfClinicDay() {
        return new Target(Clock.END_OF_CLINIC_DAY, Duration.ZERO, 0);
    }

    public static Target clinicDays(int days) {
        return new Target(Clock.CLINIC_DAYS, Duration.ZERO, days);
    }

    public String describe() {
        return switch (clock) {
            case AROUND_THE_CLOCK -> human(amount) + " around the clock";
            case CLINIC_TIME -> human(amount) + " of clinic time";
            case END_OF_CLINIC_DAY -> "end of the clinic day";
            case CLINIC_DAYS -> clinicDays + " clinic day" + (clinicDays == 1 ? "" : "s");
        };
    }

    private static String human(Duration d) {
        if (d.toMinutes() < 60) return d.toMinutes() + " min";
        return d.toMinutes() % 60 == 0 ? d.toHours() + " h" : d.toHours() + " h " + d.toMinutesPart() + " min";
    }
}
