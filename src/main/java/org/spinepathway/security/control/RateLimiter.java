package org.spinepathway.security.control;

import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets, one per key (a client address) and one for everybody: each holds
 * {@code perMinute} tokens and refills at that rate, so a key may spend a minute's worth at once
 * and then one token every {@code 60 / perMinute} seconds. A caller asks {@link #retryAfter} before
 * the costly work and {@link #charge}s a token for each attempt that counts (a refused password).
 * <p>
 * The map holds at most {@code maxKeys} buckets: when it is full, buckets that have refilled
 * completely are dropped (they hold nothing a new bucket would not); if none has, the new key shares
 * the overall bucket only, which still bounds the total.
 */
public final class RateLimiter {

    private final int perKeyPerMinute;
    private final int overallPerMinute;
    private final int maxKeys;
    private final Clock clock;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final Bucket overall;

    public RateLimiter(int perKeyPerMinute, int overallPerMinute, int maxKeys, Clock clock) {
        if (perKeyPerMinute < 1 || overallPerMinute < 1 || maxKeys < 1) {
            throw new IllegalArgumentException("limits must be at least 1");
        }
        this.perKeyPerMinute = perKeyPerMinute;
        this.overallPerMinute = overallPerMinute;
        this.maxKeys = maxKeys;
        this.clock = clock;
        this.overall = new Bucket(overallPerMinute, clock.millis());
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
            bucket = buckets.computeIfAbsent(key, k -> new Bucket(perKeyPerMinute, now));
        }
        bucket.take(now);
    }

    private static final class Bucket {
        private final int capacity;
        private double tokens;
        private long updated;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.updated = now;
        }

        synchronized long millisUntilToken(long now) {
            refill(now);
            return tokens >= 1 ? 0 : (long) Math.ceil((1 - tokens) * 60_000 / capacity);
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
                tokens = Math.min(capacity, tokens + (now - updated) * capacity / 60_000.0);
                updated = now;
            }
        }
    }
}
