package io.breakpoint.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the running agent last did, kept in {@code status.json} for the {@code status} command.
 *
 * @param lastErrors the most recent problems, newest last, each prefixed with its time
 */
public record AgentStatus(Instant startedAt, Instant lastSampleAt, Instant lastSendAt, Instant lastConfigAt,
                          long configVersion, long samplesSent, long samplesDropped, long queueLength,
                          List<String> lastErrors) {

    static final int ERRORS_KEPT = 5;
    static final AgentStatus NONE = new AgentStatus(null, null, null, null, 0, 0, 0, 0, List.of());

    AgentStatus withError(Instant at, String error) {
        List<String> errors = new ArrayList<>(lastErrors == null ? List.of() : lastErrors);
        errors.add(at + " " + error);
        while (errors.size() > ERRORS_KEPT) errors.remove(0);
        return new AgentStatus(startedAt, lastSampleAt, lastSendAt, lastConfigAt, configVersion, samplesSent,
                samplesDropped, queueLength, errors);
    }
}
