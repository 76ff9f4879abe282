package io.breakpoint.audit.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Period;

/**
 * How long audit records are kept: at least six years by default, the HIPAA documentation retention of 45 CFR
 * 164.316(b)(2)(i). A shorter period refuses to start unless explicitly allowed, and then warns at every start.
 * Breakpoint deletes no audit record itself (the trigger refuses deletes); the period is the promise the export and
 * the integrity page state, and what a future archive step must honour.
 */
@Component
public class AuditRetention {

    static final Period MINIMUM = Period.ofYears(6);
    private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

    private final Period period;

    AuditRetention(@Value("${breakpoint.audit.retention:P6Y}") Period period,
                   @Value("${breakpoint.audit.retention-below-six-years-allowed:false}") boolean belowSixYearsAllowed) {
        this.period = check(period, belowSixYearsAllowed);
    }

    static Period check(Period period, boolean belowSixYearsAllowed) {
        if (period.isNegative() || period.isZero()) throw new IllegalStateException("breakpoint.audit.retention must be positive, was " + period);
        if (period.toTotalMonths() < MINIMUM.toTotalMonths()) {
            if (!belowSixYearsAllowed) {
                throw new IllegalStateException("breakpoint.audit.retention=" + period + " is below the six years HIPAA requires. "
                        + "Set breakpoint.audit.retention-below-six-years-allowed=true only if your counsel says a shorter period applies.");
            }
            log.warn("!!! AUDIT RETENTION {} IS BELOW SIX YEARS (breakpoint.audit.retention-below-six-years-allowed=true). "
                    + "HIPAA requires six years for audit documentation. !!!", period);
        }
        return period;
    }

    public Period period() {
        return period;
    }

    public String describe() {
        return "at least " + (period.getMonths() == 0 && period.getDays() == 0 ? period.getYears() + " years" : period.toString())
                + (period.toTotalMonths() < MINIMUM.toTotalMonths() ? " (below the six-year minimum, allowed by override)" : "");
    }
}
