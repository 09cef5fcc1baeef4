package org.spinepathway.security.control;

import java.util.Map;

/**
 * The PBKDF2 parameters of every stored password: HMAC-SHA512, 210,000 iterations (OWASP's
 * figure for PBKDF2-HMAC-SHA512), 32-byte salt, 64-byte key. A stored hash names its own
 * parameters, so verifying never depends on these; only new hashes do.
 */
public final class PasswordHashing {

    public static final String ALGORITHM = "Pbkdf2PasswordHash.Algorithm=PBKDF2WithHmacSHA512";
    /** OWASP's figure for PBKDF2-HMAC-SHA512, and the clinic's. */
    public static final int OWASP_ITERATIONS = 210_000;
    private static final String ITERATIONS = "Pbkdf2PasswordHash.Iterations";
    /** The fewest Jakarta Security's PBKDF2 hasher takes. */
    static final int MINIMUM_ITERATIONS = 1024;
    public static final String SALT_SIZE = "Pbkdf2PasswordHash.SaltSizeBytes=32";
    public static final String KEY_SIZE = "Pbkdf2PasswordHash.KeySizeBytes=64";

    private PasswordHashing() {
    }

    /** The parameters in the form {@code Pbkdf2PasswordHash.initialize} takes. */
    public static Map<String, String> parameters() {
        return parameters(OWASP_ITERATIONS);
    }

    /**
     * The same with another iteration count: only the container tests hash with fewer (their
     * thousands of made-up accounts would otherwise spend minutes of the suite in PBKDF2).
     */
    public static Map<String, String> parameters(int iterations) {
        if (iterations < MINIMUM_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 needs at least " + MINIMUM_ITERATIONS + " iterations; " + OWASP_ITERATIONS + " is the clinic's figure");
        }
        return Map.ofEntries(entry(ALGORITHM), Map.entry(ITERATIONS, String.valueOf(iterations)), entry(SALT_SIZE), entry(KEY_SIZE));
    }

    private static Map.Entry<String, String> entry(String assignment) {
        int equals = assignment.indexOf('=');
        return Map.entry(assignment.substring(0, equals), assignment.substring(equals + 1));
    }
}
