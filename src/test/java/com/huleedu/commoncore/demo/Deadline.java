package com.huleedu.commoncore.demo;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * A point in time that bounds every wait of the demo, measured on {@link System#nanoTime()}.
 */
final class Deadline {

    private static final long POLL_MILLIS = 50;

    private final long endNanos;
    private final Duration total;

    private Deadline(Duration total) {
        this.total = total;
        this.endNanos = System.nanoTime() + total.toNanos();
    }

    /** Starts a deadline that ends {@code total} from now. */
    static Deadline after(Duration total) {
        return new Deadline(total);
    }

    /** Returns the time left, at least one millisecond so that Kafka calls accept it. */
    Duration remaining() {
        return Duration.ofNanos(Math.max(1_000_000L, endNanos - System.nanoTime()));
    }

    boolean isExpired() {
        return System.nanoTime() - endNanos >= 0;
    }

    Duration total() {
        return total;
    }

    /**
     * Polls the condition every 50 ms until it holds.
     *
     * @throws DemoTimeoutException naming {@code description} when the deadline passes first
     */
    void await(String description, BooleanSupplier condition) {
        while (!condition.getAsBoolean()) {
            if (isExpired()) {
                throw new DemoTimeoutException("timed out after " + total.toSeconds() + " s waiting until " + description);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoTimeoutException("interrupted while waiting until " + description);
            }
        }
    }

    /** A wait of the demo that did not end in time. */
    static final class DemoTimeoutException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DemoTimeoutException(String message) {
            super(message);
        }
    }
}
