package com.huleedu.commoncore.events;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event as it travels over Kafka: identity, type, origin, time, correlation and payload.
 *
 * <p>Immutable when {@code T} is. Instants are kept to whole microseconds, the precision of the
 * wire, so that an envelope equals itself after an encode and decode round trip. Use
 * {@link EventFactory} to create new envelopes; the canonical constructor is for decoders and
 * tests. {@link #toString()} never prints the payload, which may carry essay text.
 *
 * @param eventId unique id of this event; consumers deduplicate on it
 * @param eventType versioned event name that selects the payload type, for example
 *        {@code huleedu.essay.spellcheck.requested.v1}
 * @param sourceService name of the producing service, for example {@code batch-service}
 * @param timestamp when the event happened; read from {@code event_timestamp} too
 * @param correlationId id shared by every event of one flow
 * @param data the payload
 * @param metadata envelope metadata, or {@code null} when the producer sent none
 * @param <T> the payload type
 */
@JsonPropertyOrder({"event_id", "event_type", "source_service", "timestamp", "correlation_id", "data", "metadata"})
public record EventEnvelope<T>(
        @JsonProperty("event_id") UUID eventId,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("source_service") String sourceService,
        @JsonProperty("timestamp") @JsonAlias("event_timestamp") Instant timestamp,
        @JsonProperty("correlation_id") UUID correlationId,
        @JsonProperty("data") T data,
        @JsonProperty("metadata") @JsonInclude(JsonInclude.Include.NON_NULL) EventMetadata metadata) {

    /**
     * Creates an envelope, rejecting missing required fields.
     *
     * @throws NullPointerException if any argument but {@code metadata} is {@code null}, naming the JSON key
     */
    public EventEnvelope {
        Objects.requireNonNull(eventId, "event_id must not be null");
        Objects.requireNonNull(eventType, "event_type must not be null");
        Objects.requireNonNull(sourceService, "source_service must not be null");
        Objects.requireNonNull(timestamp, "timestamp must not be null");
        Objects.requireNonNull(correlationId, "correlation_id must not be null");
        Objects.requireNonNull(data, "data must not be null");
        timestamp = timestamp.truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Returns the metadata if the producer sent any.
     *
     * @return the metadata, or empty
     */
    public Optional<EventMetadata> findMetadata() {
        return Optional.ofNullable(metadata);
    }

    /**
     * Returns the schema version from the metadata, or the default when there is no metadata.
     *
     * @return the schema version, never {@code null}
     */
    public String schemaVersion() {
        return metadata == null ? EventMetadata.DEFAULT_SCHEMA_VERSION : metadata.schemaVersion();
    }

    /**
     * Returns a copy with other metadata.
     *
     * @param newMetadata the metadata, or {@code null} for none
     * @return a new envelope
     */
    public EventEnvelope<T> withMetadata(EventMetadata newMetadata) {
        return new EventEnvelope<>(eventId, eventType, sourceService, timestamp, correlationId, data, newMetadata);
    }

    /**
     * Describes the envelope by its ids and the payload's class, never the payload's content.
     *
     * @return a description safe for logs
     */
    @Override
    public String toString() {
        return "EventEnvelope[event_id=" + eventId + ", event_type=" + eventType + ", source_service="
                + sourceService + ", timestamp=" + timestamp + ", correlation_id=" + correlationId
                + ", data=" + data.getClass().getSimpleName() + ", metadata=" + metadata + "]";
    }
}
