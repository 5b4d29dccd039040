package com.huleedu.commoncore;

/**
 * The kind of failure behind a {@link CommonCoreException}, for callers that branch on it.
 *
 * <p>{@link #isRetryable()} decides for the consumer whether trying the same record again can
 * succeed: bytes, payloads and registrations do not change between attempts, so their
 * failures are permanent.
 */
public enum FailureReason {
    /** The bytes are not a JSON object: empty, truncated, invalid UTF-8 or a syntax error. */
    MALFORMED_JSON(false),
    /** The JSON nests deeper than the codec's maximum nesting depth. */
    TOO_DEEP(false),
    /** The encoded or received event is larger than the configured size limit. */
    TOO_LARGE(false),
    /** A required field is absent or {@code null}. */
    MISSING_FIELD(false),
    /** A field has the wrong JSON type or a value its type does not accept (an unknown enum value, a malformed UUID or instant). */
    INVALID_VALUE(false),
    /** The {@code event_type} is not in the event-type registry. */
    UNKNOWN_EVENT_TYPE(false),
    /** The {@code event_type} names another payload type than the one the caller asked for. */
    EVENT_TYPE_MISMATCH(false),
    /** The payload breaks one or more Bean Validation constraints. */
    INVALID_PAYLOAD(false),
    /** Jackson could not write the event. */
    ENCODING_FAILED(false),
    /** An event type could not be registered: duplicate, malformed or inconsistent. */
    INVALID_REGISTRATION(false),
    /** A processing event has no topic in the catalog. */
    NO_TOPIC(false),
    /** A setting or argument is invalid. */
    INVALID_CONFIGURATION(false),
    /** Kafka did not acknowledge a record: timeout, authorization, broker unavailable. */
    PUBLISH_FAILED(true),
    /** A consumer's handler threw an exception that the service marked as retryable or did not classify. */
    HANDLER_FAILED(true),
    /** A consumer's handler threw an exception that the service declared non-retryable. */
    HANDLER_REJECTED(false);

    private final boolean retryable;

    FailureReason(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Tells whether trying the same operation again can succeed.
     *
     * @return {@code true} for transient failures, {@code false} for permanent ones
     */
    public boolean isRetryable() {
        return retryable;
    }

    /**
     * Returns the lowercase name used in dead-letter headers and logs, for example {@code malformed_json}.
     *
     * @return the header value of this reason
     */
    public String headerValue() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
