package io.breakpoint.common;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

    private static String aKey() {
        byte[] raw = new byte[32];
        new SecureRandom().nextBytes(raw);
        return Base64.getEncoder().encodeToString(raw);
    }

    @Test
    void aSealedSecretOpensOnlyWithItsKeyAndContextAndNamesItsKey() {
        SecretBox box = new SecretBox(aKey(), List.of());
        String sealed = box.seal("JBSWY3DPEHPK3PXP", "user-1");

        assertThat(sealed).startsWith("v1:" + box.currentKeyId() + ":").doesNotContain("JBSWY3DPEHPK3PXP");
        assertThat(SecretBox.keyIdOf(sealed)).isEqualTo(box.currentKeyId());
        assertThat(box.open(sealed, "user-1")).isEqualTo("JBSWY3DPEHPK3PXP");
        assertThat(box.seal("JBSWY3DPEHPK3PXP", "user-1")).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThatThrownBy(() -> box.open(sealed, "user-2")).as("moved to another user's row").isInstanceOf(IllegalStateException.class);
        String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
        assertThatThrownBy(() -> box.open(tampered, "user-1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(aKey(), List.of()).open(sealed, "user-1"))
                .hasMessageContaining("not configured");
    }

    @Test
    void afterRotationOldSecretsStillOpenAndNewOnesUseTheNewKey() {
        String oldKey = aKey(), newKey = aKey();
        SecretBox old = new SecretBox(oldKey, List.of());
        String sealedBefore = old.seal("secret", "ctx");

        SecretBox rotating = old.rotatedTo(newKey);
        String resealed = rotating.reseal(sealedBefore, "ctx");
        assertThat(SecretBox.keyIdOf(resealed)).isEqualTo(rotating.currentKeyId()).isNotEqualTo(old.currentKeyId());

        SecretBox afterwards = new SecretBox(newKey, List.of());
        assertThat(afterwards.open(resealed, "ctx")).isEqualTo("secret");
        assertThat(new SecretBox(newKey, List.of(oldKey)).open(sealedBefore, "ctx")).as("previous keys still decrypt").isEqualTo("secret");
    }

    @Test
    void aKeyMustBe32BytesOfBase64() {
        assertThatThrownBy(() -> new SecretBox("c2hvcnQ=", List.of())).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new SecretBox("not base64!", List.of())).hasMessageContaining("base64");
    }
}
