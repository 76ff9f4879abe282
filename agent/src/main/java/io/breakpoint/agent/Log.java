package io.breakpoint.agent;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Plain log lines ({@code 2026-11-25T12:00:00Z agent: ...}) for a service manager's journal. */
public final class Log {

    private final PrintStream out;
    private final Clock clock;

    public Log(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void info(String message) {
        out.println(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " agent: " + message);
    }

    public void warn(String message) {
        out.println(Instant.now(clock).truncatedTo(ChronoUnit.SECONDS) + " agent: WARNING " + message);
    }
}
