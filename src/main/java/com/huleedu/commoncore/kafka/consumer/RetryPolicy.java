package com.huleedu.commoncore.kafka.consumer;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how long a failing handler is retried: up to {@code maxAttempts} attempts in
 * all, waiting {@code initialBackoff}, then that times {@code multiplier} per attempt, capped at
 * {@code maxBackoff}.
 *
 * @param maxAttempts attempts in all, including the first; 1 means no retry
 * @param initialBackoff wait before the first retry
 * @param multiplier growth of the wait per retry, at least 1
 * @param maxBackoff longest wait between attempts
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, double multiplier, Duration maxBackoff) {

    /** Five attempts, waiting 200 ms, 400 ms, 800 ms and 1.6 s between them. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), 2.0, Duration.ofSeconds(30));

    /**
     * Creates a policy.
     *
     * @throws IllegalArgumentException if a value is out of range, naming it
     */
    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, but was " + maxAttempts);
        }
        if (initialBackoff.isNegative()) {
            throw new IllegalArgumentException("initialBackoff must not be negative, but was " + initialBackoff);
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be a finite number of at least 1, but was " + multiplier);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff must be at least initialBackoff (" + initialBackoff
                    + "), but was " + maxBackoff);
        }
    }

    /**
     * Returns the wait after a failed attempt.
     *
     * @param failedAttempt the attempt that failed, starting at 1
     * @return the backoff, never more than {@code maxBackoff}
     */
    public Duration backoffAfter(int failedAttempt) {
        double millis = initialBackoff.toMillis() * Math.pow(multiplier, Math.max(0, failedAttempt - 1));
        if (millis >= maxBackoff.toMillis()) {
            return maxBackoff;
        }
        return Duration.ofMillis((long) millis);
    }
}
