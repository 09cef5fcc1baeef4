package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class LockoutPolicyTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private final LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** Failures a minute apart, counted from the first: locked exactly at the fifth inside the window. */
    @ParameterizedTest(name = "{0} failures one minute apart -> locked: {1}")
    @CsvSource({"1,false", "4,false", "5,true", "6,true"})
    void failuresInsideTheWindow_shouldLockAtTheFifth(int failures, boolean locked) {
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        Instant at = T0;
        for (int i = 0; i < failures; i++) {
            at = T0.plus(Duration.ofMinutes(i));
            state = policy.afterFailure(state, at);
        }
        assertEquals(locked, state.isLockedAt(at));
    }

    @Test
    void fifthFailure_shouldLockForFifteenMinutesFromThatFailure() {
        LockoutPolicy.State state = failTimes(5, T0, Duration.ofSeconds(10));
        Instant fifth = T0.plusSeconds(40);
        assertEquals(fifth.plus(Duration.ofMinutes(15)), state.lockedUntil());
        assertTrue(state.isLockedAt(fifth.plus(Duration.ofMinutes(15)).minusSeconds(1)));
        assertFalse(state.isLockedAt(fifth.plus(Duration.ofMinutes(15))), "the lock ends after 15 minutes");
    }

    @Test
    void failuresSpreadBeyondTheWindow_shouldStartANewCount() {
        // Four failures, then the fifth 15 minutes after the first: a new window, count 1.
        LockoutPolicy.State state = failTimes(4, T0, Duration.ofMinutes(1));
        state = policy.afterFailure(state, T0.plus(Duration.ofMinutes(15)));
        assertFalse(state.isLockedAt(T0.plus(Duration.ofMinutes(15))));
        assertEquals(1, state.failures());
        assertEquals(T0.plus(Duration.ofMinutes(15)), state.firstFailure());
    }

    @Test
    void attemptsWhileLocked_shouldNeitherExtendNorResetTheLock() {
        LockoutPolicy.State locked = failTimes(5, T0, Duration.ofSeconds(1));
        LockoutPolicy.State after = policy.afterFailure(locked, T0.plus(Duration.ofMinutes(10)));
        assertEquals(locked, after);
    }

    @Test
    void firstFailureAfterALockExpired_shouldStartAFreshWindow() {
        LockoutPolicy.State locked = failTimes(5, T0, Duration.ofSeconds(1));
        Instant later = locked.lockedUntil().plusSeconds(1);
        LockoutPolicy.State after = policy.afterFailure(locked, later);
        assertFalse(after.isLockedAt(later));
        assertEquals(1, after.failures());
        assertNull(after.lockedUntil());
    }

    @Test
    void lockedBy_shouldBeTrueOnlyAtTheMomentOfLocking() {
        LockoutPolicy.State four = failTimes(4, T0, Duration.ofSeconds(1));
        Instant fifthAt = T0.plusSeconds(4);
        LockoutPolicy.State five = policy.afterFailure(four, fifthAt);
        assertTrue(LockoutPolicy.lockedBy(four, five, fifthAt));
        assertFalse(LockoutPolicy.lockedBy(five, policy.afterFailure(five, fifthAt.plusSeconds(1)), fifthAt.plusSeconds(1)));
    }

    private LockoutPolicy.State failTimes(int n, Instant start, Duration apart) {
        LockoutPolicy.State state = LockoutPolicy.State.CLEAR;
        for (int i = 0; i < n; i++) {
            state = policy.afterFailure(state, start.plus(apart.multipliedBy(i)));
        }
        return state;
    }
}
