package io.breakpoint.common;

import java.time.Duration;
import java.time.Instant;

/** The [from, to) window a report covers; at most 400 days, so one request cannot read the whole history. */
public record ReportPeriod(Instant from, Instant to) {

    public ReportPeriod {
        if (!from.isBefore(to)) throw new InvalidRequestException("from", "'from' must be before 'to'.");
        if (Duration.between(from, to).toDays() > 400) throw new InvalidRequestException("from", "Ask for at most 400 days at a time.");
    }

    /** What a caller asked for, where a missing end is now and a missing start is 30 days before the end. */
    public static ReportPeriod orLast30Days(Instant from, Instant to, Instant now) {
        Instant end = to != null ? to : now;
        return new ReportPeriod(from != null ? from : end.minus(Duration.ofDays(30)), end);
    }
}
