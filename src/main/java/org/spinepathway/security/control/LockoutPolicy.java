package org.spinepathway.security.control;

import java.time.Duration;
import java.time.Instant;

/**
 * Brute-force protection: after {@code maxFailures} failed sign-ins within {@code window} an
 * account is locked for {@code lockFor}. The window starts at the first failure; a failure after
 * the window has passed starts a new one. A successful sign-in clears the count.
 */
public record LockoutPolicy(int maxFailures, Duration window, Duration lockFor) {

    public LockoutPolicy {
        if (maxFailures < 1 || window.isNegative() || window.isZero() || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("lockout policy needs a positive count, window and lock time");
        }
    }

    /** The failure state of one account. */
    public record State(int failures, Instant firstFailure, Instant lockedUntil) {

        public static final State CLEAR = new State(0, null, null);

        public boolean isLockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** The state after one more failed sign-in at {@code now}. */
    public State afterFailure(State state, Instant now) {
        if (state.isLockedAt(now)) {
            // Attempts while locked neither extend nor reset the lock.
            return state;
        }
        boolean windowOpen = state.firstFailure() != null && now.isBefore(state.firstFailure().plus(window));
        int failures = windowOpen ? state.failures() + 1 : 1;
        Instant firstFailure = windowOpen ? state.firstFailure() : now;
        if (failures >= maxFailures) {
            return new State(0, null, now.plus(lockFor));
        }
        return new State(failures, firstFailure, null);
    }

    /** True when {@code after} is a lock that {@code before} did not have: the moment of lockout. */
    public static boolean lockedBy(State before, State after, Instant now) {
        return after.isLockedAt(now) && !before.isLockedAt(now);
    }
}
