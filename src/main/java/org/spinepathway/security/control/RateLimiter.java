package org.spinepathway.security.control;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets, one per key (a client address) and one for everybody: each holds its limit of
 * tokens and refills at that rate per {@code period}, so a key may spend a period's worth at once
 * and then one token every {@code period / limit}. A caller asks {@link #retryAfter} before
 * the costly work and {@link #charge}s a token for each attempt that counts (a refused password).
 * <p>
 * The map holds at most {@code maxKeys} buckets: when it is full, buckets that have refilled
 * completely are dropped (they hold nothing a new bucket would not); if none has, the new key shares
 * the overall bucket only, which still bounds the total.
 */
public final class RateLimiter {

    private final int perKey;
    private final int overallLimit;
    private final long periodMillis;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket overall;

    /** Limits per minute. */
    public RateLimiter(int perKey, int overallLimit, int maxKeys, Clock clock) {
        this(perKey, overallLimit, java.time.Duration.ofMinutes(1), maxKeys, clock);
    }

    public RateLimiter(int perKey, int overallLimit, java.time.Duration period, int maxKeys, Clock clock) {
        if (perKey < 1 || overallLimit < 1 || maxKeys < 1 || period.toMillis() < 1) {
            throw new IllegalArgumentException("limits and the period must be at least 1");
        }
        this.periodMillis = period.toMillis();
        this.perKey = perKey;
        this.overallLimit = overallLimit;
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.overall = new Bucket(overallLimit, periodMillis, clock.millis());
    }

    /** Seconds until {@code key} may try again (at least 1), or empty when it may now. */
    public OptionalLong retryAfter(String key) {
        long now = clock.millis();
        long wait = overall.millisUntilToken(now);
        Bucket bucket = buckets.get(key);
        if (bucket != null) {
            wait = Math.max(wait, bucket.millisUntilToken(now));
        }
        return wait == 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(1, (wait + 999) / 1000));
    }

    /** Spends one token of {@code key}'s bucket and of the overall one. */
    public void charge(String key) {
        long now = clock.millis();
        overall.take(now);
        Bucket bucket = buckets.get(key);
        if (bucket == null) {
            if (buckets.size() >= maxKeys) {
                buckets.values().removeIf(b -> b.isFull(now));
            }
            if (buckets.size() >= maxKeys) {
                return;
            }
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(perKey, periodMillis, now));
        }
        bucket.take(now);
    }

    private static final class Bucket {
        private final int capacity;
        private final long periodMillis;
        private double tokens;
        private long updated;

        Bucket(int capacity, long periodMillis, long now) {
            this.capacity = capacity;
            this.periodMillis = periodMillis;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long millisUntilToken(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * periodMillis / capacity);
        }

        synchronized void take(long now) {
            refill(now);
            // May go below zero under a burst of concurrent attempts: the debt is waited off like any other.
            tokens -= 1;
        }

        synchronized boolean isFull(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            if (now > updated) {
                tokens = Math.min(capacity, tokens + (now - updated) * capacity / (double) periodMillis);
                updated = now;
            }
        }
    }
}
