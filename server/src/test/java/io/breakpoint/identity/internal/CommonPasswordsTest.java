package io.breakpoint.identity.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommonPasswordsTest {

    @Test
    void theShippedListIsLoaded() {
        assertThat(CommonPasswords.size()).isGreaterThan(29_000);
    }

    @Test
    void commonPasswordsAndThemWithDigitsOrSymbolsAroundAreRefused() {
        assertThat(CommonPasswords.isCommon("1qaz2wsx3edc")).isTrue();
        assertThat(CommonPasswords.isCommon("Password1234")).isTrue();
        assertThat(CommonPasswords.isCommon("!!Sunshine2024!!")).isTrue();
        assertThat(CommonPasswords.isCommon("aaaaaaaaaaaa")).isTrue();
        assertThat(CommonPasswords.isCommon("abcabcabcabc")).isTrue();
        assertThat(CommonPasswords.isCommon("correct-horse-battery")).isFalse();
        assertThat(CommonPasswords.isCommon("exam room printer jams on tuesdays")).isFalse();
    }
}
