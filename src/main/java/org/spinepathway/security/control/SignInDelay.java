package org.spinepathway.security.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Brute-force protection that cannot be turned into a lockout: the first {@code freeFailures}
 * failed sign-ins cost nothing; the one that reaches it delays the account by {@code firstDelay},
 * and each failure after a delay has passed doubles it, up to {@code maxDelay}. While an account is
 * delayed, sign-ins from browsers it has not signed in from are refused unchecked (so guessing
 * stops); its own browsers ({@code KnownDevices}) pass, and after the delay the right password
 * passes from anywhere. Failures while delayed change nothing, so an attacker cannot stretch the
 * delay by trying harder. The count is forgotten {@code window} after the last failure or delay,
 * and at a successful sign-in.
 */
public record SignInDelay(int freeFailures, Duration window, Duration firstDelay, Duration maxDelay) {

    public SignInDelay {
        if (freeFailures < 1 || !isPositive(window) || !isPositive(firstDelay) || !isPositive(maxDelay)
                || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("the sign-in delay needs a positive count, window and delays, the longest at least the first");
        }
    }

    private static boolean isPositive(Duration d) {
        return !d.isNegative() && !d.isZero();
    }

    /** The failure state of one account: failures counted, the last of them, and the delay's end. */
    public record State(int failures, Instant lastFailure, Instant delayedUntil) {

        public static final State CLEAR = new State(0, null, null);

        public boolean isDelayedAt(Instant now) {
            return delayedUntil != null && now.isBefore(delayedUntil);
        }
    }

    /** The state after one more failed sign-in at {@code now}. */
    public State afterFailure(State state, Instant now) {
        if (state.isDelayedAt(now)) {
            return state;
        }
        Instant quietSince = state.delayedUntil() != null && state.delayedUntil().isAfter(state.lastFailure())
                ? state.delayedUntil() : state.lastFailure();
        boolean counting = state.failures() > 0 && quietSince != null && now.isBefore(quietSince.plus(window));
        int failures = counting ? state.failures() + 1 : 1;
        return new State(failures, now, failures < freeFailures ? null : now.plus(delayAfter(failures)));
    }

    /** How long the {@code failures}-th failure delays the account (it must be at least {@code freeFailures}). */
    public Duration delayAfter(int failures) {
        int doublings = Math.min(failures - freeFailures, 30);
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    /** True when {@code after} is a delay that {@code before} did not have: the moment to audit. */
    public static boolean delayedBy(State before, State after, Instant now) {
        return after.isDelayedAt(now) && !before.isDelayedAt(now);
    }
}
