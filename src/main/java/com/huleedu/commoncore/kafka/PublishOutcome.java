package com.huleedu.commoncore.kafka;

import com.huleedu.commoncore.CommonCoreException;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one event in a many-at-once publish: acknowledged with a result, or failed
 * with the exception: a {@link PublishException}, or the codec's exception for an invalid event.
 *
 * @param request the request this outcome belongs to
 * @param result the acknowledgement, or {@code null} on failure
 * @param failure the failure, or {@code null} on success
 */
public record PublishOutcome(PublishRequest request, PublishResult result, CommonCoreException failure) {

    /**
     * Creates an outcome; exactly one of {@code result} and {@code failure} is set.
     *
     * @throws IllegalArgumentException if both or neither are set
     */
    public PublishOutcome {
        Objects.requireNonNull(request, "request");
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("exactly one of result and failure must be set");
        }
    }

    /**
     * Tells whether the broker acknowledged the event.
     *
     * @return {@code true} on success
     */
    public boolean isAcknowledged() {
        return result != null;
    }

    /**
     * Returns the acknowledgement if there is one.
     *
     * @return the result, or empty on failure
     */
    public Optional<PublishResult> findResult() {
        return Optional.ofNullable(result);
    }

    /**
     * Returns the failure if there is one.
     *
     * @return the failure, or empty on success
     */
    public Optional<CommonCoreException> findFailure() {
        return Optional.ofNullable(failure);
    }
}
