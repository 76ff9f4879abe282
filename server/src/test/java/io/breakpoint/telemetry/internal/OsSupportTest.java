package io.breakpoint.telemetry.internal;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** Which operating systems the compliance evidence counts as out of support, as the agent reports them. */
class OsSupportTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 25);

    @Test
    void oldWindowsAndWindowsTenAfterItsEndOfSupportAreOut() {
        assertThat(OsSupport.unsupported("Windows", "7", TODAY)).isTrue();
        assertThat(OsSupport.unsupported("Windows", "8.1", TODAY)).isTrue();
        assertThat(OsSupport.unsupported("Windows", "10 22H2", TODAY)).isTrue();
        assertThat(OsSupport.unsupported("Windows", "10", LocalDate.of(2025, 10, 14))).as("its last day").isFalse();
        assertThat(OsSupport.unsupported("Windows", "11", TODAY)).isFalse();
        assertThat(OsSupport.unsupported("Windows", "Server 2012 R2", TODAY)).isTrue();
        assertThat(OsSupport.unsupported("Windows", "Server 2022", TODAY)).isFalse();
    }

    @Test
    void macOsOlderThanTheNewestThreeMajorsIsOut() {
        assertThat(OsSupport.unsupported("macOS", "13.6.1", TODAY)).isTrue();
        assertThat(OsSupport.unsupported("macOS", "14.6", TODAY)).isFalse();
        assertThat(OsSupport.unsupported("macOS", "26.1", TODAY)).isFalse();
    }

    @Test
    void whatTheAgentCouldNotTellIsNotCounted() {
        assertThat(OsSupport.unsupported(null, "7", TODAY)).isFalse();
        assertThat(OsSupport.unsupported("Windows", null, TODAY)).isFalse();
        assertThat(OsSupport.unsupported("Ubuntu", "22.04", TODAY)).isFalse();
        assertThat(OsSupport.unsupported("Windows", "unknown", TODAY)).isFalse();
    }
}
