package org.spinepathway.security.control;

import java.util.Map;

/**
 * The PBKDF2 parameters of every stored password: HMAC-SHA512, 210,000 iterations (OWASP's
 * figure for PBKDF2-HMAC-SHA512), 32-byte salt, 64-byte key. The identity store verifies with the
 * same parameters, so they are constants the security annotations can name.
 */
public final class PasswordHashing {

    public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    public static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations=210000";
    public static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    public static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";

    private PasswordHashing() {
    }

    /** The parameters in the form {@code Pbkdf2PasswordHash.initialize} takes. */
    public static Map<String, String> parameters() {
        return Map.ofEntries(entry(ALGORITHM), entry(ITERATIONS), entry(SALT_SIZE), entry(KEY_SIZE));
    }

    private static Map.Entry<String, String> entry(String assignment) {
        int equals = assignment.indexOf('=');
        return Map.entry(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
}
