package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class VerifiedCredentialsTest {

    private static final String HASH = "PBKDF2WithHmacSHA512:210000:c2FsdA==:aGFzaA==";

    /** A clock the test moves forward. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2026-11-21T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();
    private final VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5), 3, clock);

    @Test
    void aRememberedCredential_shouldCountOnlyForTheSameNamePasswordAndStoredHash() {
        verified.remember("pat.physio", "Physio-pass-2026".toCharArray(), HASH);

        assertTrue(verified.wereVerified("pat.physio", "Physio-pass-2026".toCharArray(), HASH));
        assertFalse(verified.wereVerified("pat.physio", "Physio-pass-2027".toCharArray(), HASH), "another password");
        assertFalse(verified.wereVerified("doc.who", "Physio-pass-2026".toCharArray(), HASH), "another account");
        assertFalse(verified.wereVerified("pat.physio", "Physio-pass-2026".toCharArray(), HASH + "x"), "the password was changed since");
    }

    @Test
    void theNameAndPasswordBoundary_shouldNotBlur() {
        verified.remember("ab", "c".toCharArray(), HASH);
        assertFalse(verified.wereVerified("a", "bc".toCharArray(), HASH));
    }

    @Test
    void aRememberedCredential_shouldExpire() {
        verified.remember("pat.physio", "Physio-pass-2026".toCharArray(), HASH);
        clock.now = clock.now.plus(Duration.ofMinutes(5)).minusSeconds(1);
        assertTrue(verified.wereVerified("pat.physio", "Physio-pass-2026".toCharArray(), HASH));
        clock.now = clock.now.plusSeconds(1);
        assertFalse(verified.wereVerified("pat.physio", "Physio-pass-2026".toCharArray(), HASH));
    }

    @Test
    void aFullMemory_shouldSweepExpiredEntriesFirst_thenStartAfresh_neverGrowPastItsCapacity() {
        verified.remember("one", "p".toCharArray(), HASH);
        verified.remember("two", "p".toCharArray(), HASH);
        clock.now = clock.now.plus(Duration.ofMinutes(10));
        verified.remember("three", "p".toCharArray(), HASH);
        verified.remember("four", "p".toCharArray(), HASH);
        assertEquals(2, verified.size(), "the two expired entries were swept to make room");
        verified.remember("five", "p".toCharArray(), HASH);
        verified.remember("six", "p".toCharArray(), HASH);
        assertTrue(verified.size() <= 3, "size " + verified.size());
        assertTrue(verified.wereVerified("six", "p".toCharArray(), HASH));
    }

    @Test
    void aZeroLifetime_shouldRememberNothing() {
        VerifiedCredentials off = new VerifiedCredentials(Duration.ZERO, 10, clock);
        off.remember("pat.physio", "Physio-pass-2026".toCharArray(), HASH);
        assertFalse(off.wereVerified("pat.physio", "Physio-pass-2026".toCharArray(), HASH));
        assertEquals(0, off.size());
    }
}
