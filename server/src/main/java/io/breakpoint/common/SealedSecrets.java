package io.breakpoint.common;

/**
 * A module that stores secrets sealed with {@link SecretBox}. The {@code secrets rotate} command calls every one of
 * them, so a new key covers everything the desk holds; a module that adds encrypted credentials implements this.
 */
public interface SealedSecrets {

    /** What is sealed here, for the command's report (e.g. "TOTP secrets"). */
    String what();

    /** Re-encrypts every sealed value with {@code box}'s current key; returns how many values it re-encrypted. */
    int reseal(SecretBox box);
}
