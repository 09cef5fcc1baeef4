package org.spinepathway.security.control;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps a small secret (a second factor's key) encrypted in the database: AES-256-GCM under a key
 * from the environment ({@code clinic.security.totp-key}), never stored beside the data, so a copy of
 * the database alone does not give the secrets. Without a configured key the text is kept as it is.
 * A stored value says which it is ({@code aesgcm:} and the Base64 of nonce and ciphertext, or plain).
 */
public final class SecretBox {

    static final String PREFIX = "aesgcm:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    /** @param configuredKey the key's text (at least 32 characters), or empty for no encryption */
    public SecretBox(Optional<String> configuredKey) {
        String text = configuredKey.map(String::strip).orElse("");
        if (!text.isEmpty() && text.length() < 32) {
            throw new IllegalArgumentException("clinic.security.totp-key must be at least 32 characters (or empty for none)");
        }
        key = text.isEmpty() ? null : new SecretKeySpec(sha256(text), "AES");
    }

    public boolean encrypts() {
        return key != null;
    }

    /** The value to store for {@code secret}. */
    public String seal(String secret) {
        if (key == null) {
            return secret;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /**
     * The secret a stored value holds; empty when it is encrypted and cannot be opened (no key, another
     * key, or a changed value).
     */
    public Optional<String> open(String stored) {
        if (stored == null) {
            return Optional.empty();
        }
        if (!stored.startsWith(PREFIX)) {
            return Optional.of(stored);
        }
        if (key == null) {
            return Optional.empty();
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return Optional.of(new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8));
        } catch (GeneralSecurityException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
