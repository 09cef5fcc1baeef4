package org.spinepathway.security.control;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short while, that a username and password of the JSON API were verified
 * against a stored PBKDF2 hash, so that an integration sending HTTP Basic on every call pays the
 * deliberately slow hash once, not on every request (at 210,000 iterations that is most of a core
 * for a tenth of a second: a few such calls a second would saturate the server).
 * <p>
 * What is kept is an HMAC of username and password under a key that lives only in this process's
 * memory, never the password. A remembered entry counts only while the account's stored hash is
 * still the one it was verified against, so a changed password ends it at once; whether the
 * account is enabled or locked is checked by the caller on every request, from the database.
 */
public final class VerifiedCredentials {

    private record Entry(String passwordHash, Instant expires) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Duration lifetime;
    private final int capacity;
    private final Clock clock;

    public VerifiedCredentials(Duration lifetime, int capacity, Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.lifetime = lifetime;
        this.capacity = capacity;
        this.clock = clock;
    }

    /** Whether this username and password were verified against {@code storedHash} and the memory has not expired. */
    public boolean wereVerified(String username, char[] password, String storedHash) {
        if (lifetime.isZero()) {
            return false;
        }
        Entry entry = entries.get(fingerprint(username, password));
        return entry != null && entry.passwordHash().equals(storedHash) && clock.instant().isBefore(entry.expires());
    }

    /** Remembers a successful verification against {@code storedHash}. */
    public void remember(String username, char[] password, String storedHash) {
        if (lifetime.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= capacity) {
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= capacity) {
                // Full of live entries: start afresh rather than grow; the cost is one PBKDF2 per caller.
                entries.clear();
            }
        }
        entries.put(fingerprint(username, password), new Entry(storedHash, now.plus(lifetime)));
    }

    /** How many verifications are remembered (expired ones included until they are swept). */
    public int size() {
        return entries.size();
    }

    private String fingerprint(String username, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(username.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException missing) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", missing);
        }
    }
}
