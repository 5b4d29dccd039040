package com.huleedu.commoncore.kafka;

import com.huleedu.commoncore.events.EventEnvelope;
import java.util.Objects;

/**
 * One event to publish, with optional routing: an explicit topic, a record key and a W3C
 * {@code traceparent}.
 *
 * @param envelope the event
 * @param topic the topic, or {@code null} for the event type's default topic
 * @param key the record key, or {@code null} for the correlation id
 * @param traceparent a W3C trace context to pass on, or {@code null}
 */
public record PublishRequest(EventEnvelope<?> envelope, String topic, String key, String traceparent) {

    /**
     * Creates a request.
     *
     * @throws NullPointerException if {@code envelope} is {@code null}
     */
    public PublishRequest {
        Objects.requireNonNull(envelope, "envelope");
    }

    /**
     * Creates a request with the default topic and key.
     *
     * @param envelope the event
     * @return the request
     */
    public static PublishRequest of(EventEnvelope<?> envelope) {
        return new PublishRequest(envelope, null, null, null);
    }

    /**
     * Returns a copy that publishes to an explicit topic.
     *
     * @param explicitTopic the topic
     * @return a new request
     */
    public PublishRequest toTopic(String explicitTopic) {
        return new PublishRequest(envelope, explicitTopic, key, traceparent);
    }

    /**
     * Returns a copy with an explicit record key.
     *
     * @param recordKey the key, written as UTF-8
     * @return a new request
     */
    public PublishRequest withKey(String recordKey) {
        return new PublishRequest(envelope, topic, recordKey, traceparent);
    }

    /**
     * Returns a copy that carries a W3C {@code traceparent} header.
     *
     * @param value the trace context
     * @return a new request
     */
    public PublishRequest withTraceparent(String value) {
        return new PublishRequest(envelope, topic, key, value);
    }

    /**
     * Returns the key written to the record: the explicit key, or the correlation id.
     *
     * @return the effective key
     */
    public String effectiveKey() {
        return key != null ? key : envelope.correlationId().toString();
    }
}
