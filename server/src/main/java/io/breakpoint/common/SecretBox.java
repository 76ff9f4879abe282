package io.breakpoint.common;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Encrypts the secrets the desk must be able to read back (TOTP secrets, integration credentials) with AES-256-GCM.
 * A ciphertext is {@code v1:<key id>:<base64(nonce | ciphertext | tag)>}; the key id (the first 8 hex digits of the
 * key's SHA-256) says which key opens it, so old ciphertexts stay readable while keys rotate
 * (docs/decisions/0017). Secrets the desk only compares (passwords, API tokens, recovery codes) are hashed instead.
 */
public final class SecretBox {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    /** {@code current} encrypts; it and {@code older} decrypt. Keys are 32 bytes, base64. */
    public SecretBox(String current, List<String> older) {
        this.currentId = add(current);
        for (String k : older) if (k != null && !k.isBlank()) add(k.strip());
    }

    private String add(String base64Key) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("A secrets key must be base64 (32 random bytes, e.g. `openssl rand -base64 32`).");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("A secrets key must be 32 bytes (base64 of 32 random bytes), not " + raw.length + ".");
        }
        String id = keyId(raw);
        keys.putIfAbsent(id, new SecretKeySpec(raw, "AES"));
        return id;
    }

    /** A box that encrypts with {@code newKey} and still opens everything this one opens (for rotation). */
    public SecretBox rotatedTo(String newKey) {
        SecretBox b = new SecretBox(newKey, List.of());
        keys.forEach(b.keys::putIfAbsent);
        return b;
    }

    public static String keyId(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw)).substring(0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String currentKeyId() {
        return currentId;
    }

    /** The id of the key that sealed {@code sealed}. */
    public static String keyIdOf(String sealed) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !"v1".equals(parts[0])) throw new IllegalArgumentException("Not a sealed secret");
        return parts[1];
    }

    /** Encrypts under the current key; {@code context} (e.g. the owner's id) is bound to it as associated data. */
    public String seal(String plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(NONCE + ct.length).put(nonce).put(ct).array();
            return "v1:" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Decrypts; fails when the key is unknown or the ciphertext or its context was altered. */
    public String open(String sealed, String context) {
        String id = keyIdOf(sealed);
        SecretKeySpec key = keys.get(id);
        if (key == null) {
            throw new IllegalStateException("The secret was encrypted with key " + id + ", which is not configured "
                    + "(BREAKPOINT_SECRETS_KEY / BREAKPOINT_SECRETS_PREVIOUS_KEYS).");
        }
        try {
            byte[] in = Base64.getDecoder().decode(sealed.substring(sealed.lastIndexOf(':') + 1));
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A stored secret does not decrypt: it was altered or belongs to another record.", e);
        }
    }

    /** Re-encrypts under the current key (rotation). */
    public String reseal(String sealed, String context) {
        return seal(open(sealed, context), context);
    }
}
