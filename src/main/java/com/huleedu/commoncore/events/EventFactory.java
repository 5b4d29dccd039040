package com.huleedu.commoncore.events;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * Creates new envelopes for one producing service: a fresh {@code event_id}, the current time,
 * metadata with {@code published_at} and the schema version, and a correlation id that is new
 * or carried over from the event that caused this one.
 *
 * <p>Thread-safe and cheap to share. The event type comes from the registry by payload class,
 * so the type on the wire always matches the payload.
 */
public final class EventFactory {

    private final String sourceService;
    private final EventTypeRegistry registry;
    private final Clock clock;

    /**
     * Creates a factory.
     *
     * @param sourceService the producing service's name, written as {@code source_service}
     * @param registry where payload classes are mapped to event types
     * @param clock the clock for {@code timestamp} and {@code published_at}
     * @throws IllegalArgumentException if {@code sourceService} is blank
     */
    public EventFactory(String sourceService, EventTypeRegistry registry, Clock clock) {
        Objects.requireNonNull(sourceService, "sourceService");
        if (sourceService.isBlank()) {
            throw new IllegalArgumentException("sourceService must not be blank: pass the service's name, such as batch-service");
        }
        this.sourceService = sourceService;
        this.registry = Objects.requireNonNull(registry, "registry");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates a factory that uses the system UTC clock.
     *
     * @param sourceService the producing service's name
     * @param registry where payload classes are mapped to event types
     * @return the factory
     */
    public static EventFactory forService(String sourceService, EventTypeRegistry registry) {
        return new EventFactory(sourceService, registry, Clock.systemUTC());
    }

    /**
     * Creates the first event of a new flow, with a new correlation id.
     *
     * @param data the payload; its class must be registered
     * @param <T> the payload type
     * @return the envelope
     */
    public <T> EventEnvelope<T> create(T data) {
        return create(data, UUID.randomUUID());
    }

    /**
     * Creates an event of an existing flow.
     *
     * @param data the payload; its class must be registered
     * @param correlationId the flow's correlation id
     * @param <T> the payload type
     * @return the envelope
     */
    public <T> EventEnvelope<T> create(T data, UUID correlationId) {
        @SuppressWarnings("unchecked")
        Class<T> payloadClass = (Class<T>) data.getClass();
        return create(registry.forPayload(payloadClass), data, correlationId);
    }

    /**
     * Creates an event caused by another, carrying its correlation id unchanged.
     *
     * @param cause the event being handled
     * @param data the payload of the new event
     * @param <T> the payload type
     * @return the envelope
     */
    public <T> EventEnvelope<T> createCausedBy(EventEnvelope<?> cause, T data) {
        return create(data, cause.correlationId());
    }

    /**
     * Creates an event of an explicit type, for payload classes registered under several types.
     *
     * @param type the event type
     * @param data the payload
     * @param correlationId the flow's correlation id
     * @param <T> the payload type
     * @return the envelope
     */
    public <T> EventEnvelope<T> create(EventType<T> type, T data, UUID correlationId) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(correlationId, "correlationId");
        Instant now = clock.instant();
        return new EventEnvelope<>(UUID.randomUUID(), type.name(), sourceService, now, correlationId, data,
                EventMetadata.publishedAt(now));
    }

    /**
     * Returns the name written as {@code source_service}.
     *
     * @return the service name
     */
    public String sourceService() {
        return sourceService;
    }
}
