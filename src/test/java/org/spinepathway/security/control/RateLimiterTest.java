package org.spinepathway.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final MovableClock clock = new MovableClock();

    @Test
    void anAddress_shouldSpendAMinutesWorthAtOnce_thenWaitForTheNextToken() {
        RateLimiter limiter = new RateLimiter(10, 1000, 100, clock);
        for (int i = 0; i < 10; i++) {
            assertEquals(OptionalLong.empty(), limiter.retryAfter("203.0.113.7"), "attempt " + i);
            limiter.charge("203.0.113.7");
        }
        assertEquals(OptionalLong.of(6), limiter.retryAfter("203.0.113.7"), "one token every 6 seconds");
        clock.advance(Duration.ofSeconds(5));
        assertEquals(OptionalLong.of(1), limiter.retryAfter("203.0.113.7"));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(OptionalLong.empty(), limiter.retryAfter("203.0.113.7"));
    }

    @Test
    void aLimitPerHour_shouldRefillOneTokenEveryHourOverTheLimit() {
        RateLimiter limiter = new RateLimiter(10, 200, Duration.ofHours(1), 100, clock);
        for (int i = 0; i < 10; i++) {
            limiter.charge("203.0.113.8");
        }
        assertEquals(OptionalLong.of(360), limiter.retryAfter("203.0.113.8"), "one registration every 6 minutes");
        clock.advance(Duration.ofMinutes(6));
        assertEquals(OptionalLong.empty(), limiter.retryAfter("203.0.113.8"));
    }

    @Test
    void anotherAddress_shouldKeepItsOwnBudget_untilTheOverallOneIsSpent() {
        RateLimiter limiter = new RateLimiter(5, 8, 100, clock);
        for (int i = 0; i < 5; i++) {
            limiter.charge("198.51.100.1");
        }
        assertEquals(OptionalLong.of(12), limiter.retryAfter("198.51.100.1"));
        assertEquals(OptionalLong.empty(), limiter.retryAfter("198.51.100.2"));
        for (int i = 0; i < 3; i++) {
            limiter.charge("198.51.100.2");
        }
        assertEquals(OptionalLong.of(8), limiter.retryAfter("198.51.100.3"), "everybody waits for the overall bucket (60 / 8 = 7.5 s)");
    }

    @Test
    void aFullMap_shouldDropBucketsThatHaveRefilled_andStillCountNewKeysOverall() {
        RateLimiter limiter = new RateLimiter(2, 100, 2, clock);
        limiter.charge("a");
        limiter.charge("b");
        limiter.charge("b");
        limiter.charge("c");   // no room: c shares only the overall bucket
        limiter.charge("c");
        limiter.charge("c");
        assertEquals(OptionalLong.empty(), limiter.retryAfter("c"));
        assertEquals(OptionalLong.of(30), limiter.retryAfter("b"));
        clock.advance(Duration.ofMinutes(1));
        limiter.charge("d");   // a and b have refilled: dropped, d gets its own bucket
        limiter.charge("d");
        assertEquals(OptionalLong.of(30), limiter.retryAfter("d"));
        assertEquals(OptionalLong.empty(), limiter.retryAfter("b"));
    }

    @Test
    void aLimitBelowOne_shouldBeRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RateLimiter(0, 10, 10, clock));
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-03T08:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public long millis() {
            return now.toEpochMilli();
        }
    }
}
