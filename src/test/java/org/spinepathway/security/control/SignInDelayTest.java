package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignInDelayTest {

    private static final Instant T0 = Instant.parse("2026-11-21T09:00:00Z");
    private final SignInDelay delay = new SignInDelay(5, Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofMinutes(15));

    @ParameterizedTest(name = "{0} failures one minute apart -> delayed: {1}")
    @CsvSource({"1,false", "4,false", "5,true"})
    void failuresOneMinuteApart_shouldDelayFromTheFifth(int failures, boolean delayed) {
        SignInDelay.State state = failTimes(failures, T0, Duration.ofMinutes(1));
        assertEquals(delayed, state.isDelayedAt(T0.plus(Duration.ofMinutes(failures - 1))));
    }

    @Test
    void fifthFailure_shouldDelayOneMinuteFromThatFailure() {
        SignInDelay.State state = failTimes(5, T0, Duration.ofSeconds(10));
        Instant fifth = T0.plusSeconds(40);
        assertEquals(fifth.plus(Duration.ofMinutes(1)), state.delayedUntil());
        assertTrue(state.isDelayedAt(fifth.plusSeconds(59)));
        assertFalse(state.isDelayedAt(fifth.plusSeconds(60)), "the delay ends after a minute");
    }

    @ParameterizedTest(name = "failure {0} delays {1} minutes")
    @CsvSource({"5,1", "6,2", "7,4", "8,8", "9,15", "10,15", "100,15"})
    void eachFailureAfterADelay_shouldDoubleIt_upToTheLongest(int failures, int minutes) {
        assertEquals(Duration.ofMinutes(minutes), delay.delayAfter(failures));
    }

    @Test
    void anAttackerTryingAsSoonAsEachDelayEnds_shouldMeetLongerDelays_notALockThatNeverEnds() {
        SignInDelay.State state = failTimes(5, T0, Duration.ofSeconds(1));
        Instant at = state.delayedUntil();
        state = delay.afterFailure(state, at);
        assertEquals(at.plus(Duration.ofMinutes(2)), state.delayedUntil());
        at = state.delayedUntil();
        state = delay.afterFailure(state, at);
        assertEquals(at.plus(Duration.ofMinutes(4)), state.delayedUntil());
        assertFalse(state.isDelayedAt(state.delayedUntil()), "after each delay the right password passes again");
    }

    @Test
    void attemptsWhileDelayed_shouldNeitherExtendNorResetTheDelay() {
        SignInDelay.State delayed = failTimes(5, T0, Duration.ofSeconds(1));
        assertEquals(delayed, delay.afterFailure(delayed, T0.plusSeconds(30)));
    }

    @Test
    void failuresSpreadBeyondTheWindow_shouldStartANewCount() {
        SignInDelay.State state = failTimes(4, T0, Duration.ofMinutes(1));
        Instant late = T0.plus(Duration.ofMinutes(3)).plus(Duration.ofMinutes(15));
        state = delay.afterFailure(state, late);
        assertEquals(1, state.failures());
        assertNull(state.delayedUntil());
    }

    @Test
    void aFailureAWindowAfterTheDelayEnded_shouldStartANewCount() {
        SignInDelay.State delayed = failTimes(5, T0, Duration.ofSeconds(1));
        Instant quiet = delayed.delayedUntil().plus(Duration.ofMinutes(15));
        SignInDelay.State after = delay.afterFailure(delayed, quiet);
        assertEquals(1, after.failures());
        assertFalse(after.isDelayedAt(quiet));
    }

    @Test
    void delayedBy_shouldBeTrueOnlyWhenADelayStarts() {
        SignInDelay.State four = failTimes(4, T0, Duration.ofSeconds(1));
        Instant fifthAt = T0.plusSeconds(4);
        SignInDelay.State five = delay.afterFailure(four, fifthAt);
        assertTrue(SignInDelay.delayedBy(four, five, fifthAt));
        assertFalse(SignInDelay.delayedBy(five, delay.afterFailure(five, fifthAt.plusSeconds(1)), fifthAt.plusSeconds(1)));
    }

    @Test
    void aLongestDelayShorterThanTheFirst_shouldBeRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new SignInDelay(5, Duration.ofMinutes(15), Duration.ofMinutes(2), Duration.ofMinutes(1)));
    }

    private SignInDelay.State failTimes(int n, Instant start, Duration apart) {
        SignInDelay.State state = SignInDelay.State.CLEAR;
        for (int i = 0; i < n; i++) {
            state = delay.afterFailure(state, start.plus(apart.multipliedBy(i)));
        }
        return state;
    }
}
