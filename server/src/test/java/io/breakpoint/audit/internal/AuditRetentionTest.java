package io.breakpoint.audit.internal;

import org.junit.jupiter.api.Test;

import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditRetentionTest {

    @Test
    void sixYearsOrMoreIsAccepted() {
        assertThat(AuditRetention.check(Period.ofYears(6), false)).isEqualTo(Period.ofYears(6));
        assertThat(AuditRetention.check(Period.ofYears(10), false)).isEqualTo(Period.ofYears(10));
    }

    @Test
    void lessThanSixYearsRefusesToStartWithoutTheOverride() {
        assertThatThrownBy(() -> AuditRetention.check(Period.ofYears(5).plusMonths(11), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("below the six years HIPAA requires")
                .hasMessageContaining("breakpoint.audit.retention-below-six-years-allowed=true");
        assertThat(AuditRetention.check(Period.ofYears(2), true)).isEqualTo(Period.ofYears(2));
        assertThatThrownBy(() -> AuditRetention.check(Period.ZERO, true)).isInstanceOf(IllegalStateException.class);
    }
}
