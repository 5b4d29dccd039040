package com.huleedu.commoncore.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventType;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.validation.EventValidationException;
import com.huleedu.commoncore.validation.EventValidator;
import java.util.Objects;

/**
 * Encodes envelopes to JSON bytes and decodes bytes to envelopes, choosing the payload type
 * only from the {@link EventTypeRegistry}.
 *
 * <p>Payloads are validated on encode and on decode unless turned off in the {@link Builder}.
 * Every failure is an unchecked {@link com.huleedu.commoncore.CommonCoreException}:
 * {@link EventDecodingException}, {@link EventEncodingException} or
 * {@link EventValidationException}, each with a {@link FailureReason}. Thread-safe; create one
 * per service and share it.
 */
public final class EventCodec {

    private final EventTypeRegistry registry;
    private final EventValidator validator;
    private final boolean validateOnEncode;
    private final boolean validateOnDecode;
    private final int maxEventBytes;
    private final ObjectMapper mapper;
    private final ObjectWriter envelopeWriter;
    private final EnvelopeReader reader;

    private EventCodec(Builder builder) {
        this.registry = builder.registry;
        this.validator = EventValidator.shared();
        this.validateOnEncode = builder.validateOnEncode;
        this.validateOnDecode = builder.validateOnDecode;
        this.maxEventBytes = builder.maxEventBytes;
        this.mapper = EventJson.newObjectMapper(builder.maxNestingDepth, builder.maxEventBytes);
        this.envelopeWriter = mapper.writerFor(EventEnvelope.class);
        this.reader = new EnvelopeReader(mapper);
    }

    /**
     * Creates a codec with common-core's default events, validation on, and the default limits.
     *
     * @return the codec
     */
    public static EventCodec withDefaults() {
        return builder().build();
    }

    /**
     * Starts a builder with the defaults: {@link EventTypeRegistry#withDefaults()}, validation
     * on both ways, {@link EventJson#DEFAULT_MAX_EVENT_BYTES} and
     * {@link EventJson#DEFAULT_MAX_NESTING_DEPTH}.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Validates and encodes an envelope.
     *
     * @param envelope the envelope; its event type must be registered
     * @return the UTF-8 JSON bytes
     * @throws EventValidationException if validation is on and the payload is invalid
     * @throws EventDecodingException with {@link FailureReason#UNKNOWN_EVENT_TYPE} if the event type is not registered
     * @throws EventEncodingException if Jackson fails or the result is larger than the size limit
     */
    public byte[] encode(EventEnvelope<?> envelope) {
        Objects.requireNonNull(envelope, "envelope");
        requireRegistered(envelope.eventType());
        if (validateOnEncode) {
            validator.validate(envelope);
        }
        byte[] bytes;
        try {
            bytes = envelopeWriter.writeValueAsBytes(envelope);
        } catch (JsonMappingException e) {
            throw new EventEncodingException(FailureReason.ENCODING_FAILED, "cannot encode event " + envelope.eventId()
                    + " of type " + envelope.eventType() + " at " + DecodingErrors.pathOf("$", e.getPath())
                    + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new EventEncodingException(FailureReason.ENCODING_FAILED, "cannot encode event " + envelope.eventId()
                    + " of type " + envelope.eventType() + " (" + e.getClass().getSimpleName() + ")", e);
        }
        if (bytes.length > maxEventBytes) {
            throw new EventEncodingException(FailureReason.TOO_LARGE, "encoded event " + envelope.eventId() + " of type "
                    + envelope.eventType() + " is " + bytes.length + " bytes, over the limit of " + maxEventBytes
                    + " bytes: store the text elsewhere and send a reference to it", null);
        }
        return bytes;
    }

    /**
     * Decodes bytes into an envelope whose payload type is chosen by its {@code event_type}.
     *
     * @param bytes the UTF-8 JSON bytes
     * @return the envelope
     * @throws EventDecodingException if the bytes are not a well-formed envelope of a registered type
     * @throws EventValidationException if validation is on and the payload is invalid
     */
    public EventEnvelope<?> decode(byte[] bytes) {
        checkSize(bytes);
        EventEnvelope<Object> envelope = reader.read(bytes, this::resolve);
        validateDecoded(envelope);
        return envelope;
    }

    /**
     * Decodes bytes into an envelope that must carry the given payload class.
     *
     * @param bytes the UTF-8 JSON bytes
     * @param payloadClass the expected payload class
     * @param <T> the payload type
     * @return the envelope
     * @throws EventDecodingException with {@link FailureReason#EVENT_TYPE_MISMATCH} if the
     *         {@code event_type} is registered with another payload class, or as for {@link #decode(byte[])}
     * @throws EventValidationException if validation is on and the payload is invalid
     */
    @SuppressWarnings("unchecked")
    public <T> EventEnvelope<T> decode(byte[] bytes, Class<T> payloadClass) {
        Objects.requireNonNull(payloadClass, "payloadClass");
        checkSize(bytes);
        EventEnvelope<Object> envelope = reader.read(bytes, name -> {
            EventType<?> type = resolve(name);
            if (!type.payloadClass().equals(payloadClass)) {
                throw new EventDecodingException(FailureReason.EVENT_TYPE_MISMATCH, "event_type", name,
                        "event type is registered with payload " + type.payloadClass().getSimpleName()
                                + ", not the expected " + payloadClass.getSimpleName(), null);
            }
            return type;
        });
        validateDecoded(envelope);
        return (EventEnvelope<T>) envelope;
    }

    /**
     * Returns the registry this codec resolves event types with.
     *
     * @return the registry
     */
    public EventTypeRegistry registry() {
        return registry;
    }

    /**
     * Returns the size limit for one encoded event.
     *
     * @return the maximum number of bytes
     */
    public int maxEventBytes() {
        return maxEventBytes;
    }

    /**
     * Returns the codec's configured mapper; callers must not change its configuration.
     *
     * @return the mapper
     */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    private EventType<?> resolve(String name) {
        return registry.find(name).orElseThrow(() -> new EventDecodingException(FailureReason.UNKNOWN_EVENT_TYPE,
                "event_type", truncate(name), "event type is not registered: register its payload class with"
                        + " EventTypeRegistry.register, or route the event elsewhere", null));
    }

    private void requireRegistered(String name) {
        resolve(name);
    }

    private void checkSize(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        if (bytes.length > maxEventBytes) {
            throw new EventDecodingException(FailureReason.TOO_LARGE, "$", null, "the event is " + bytes.length
                    + " bytes, over the limit of " + maxEventBytes + " bytes", null);
        }
    }

    private void validateDecoded(EventEnvelope<?> envelope) {
        if (validateOnDecode) {
            validator.validate(envelope);
        }
    }

    private static String truncate(String name) {
        return name.length() <= 120 ? name : name.substring(0, 120) + "...";
    }

    /**
     * Settings of an {@link EventCodec}. Not thread-safe; the codec it builds is.
     */
    public static final class Builder {
        private EventTypeRegistry registry = EventTypeRegistry.withDefaults();
        private boolean validateOnEncode = true;
        private boolean validateOnDecode = true;
        private int maxEventBytes = EventJson.DEFAULT_MAX_EVENT_BYTES;
        private int maxNestingDepth = EventJson.DEFAULT_MAX_NESTING_DEPTH;

        private Builder() {
        }

        /**
         * Sets the registry that maps event types to payload classes.
         *
         * @param registry the registry
         * @return this builder
         */
        public Builder registry(EventTypeRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /**
         * Turns payload validation before encoding on or off (default on).
         *
         * @param enabled whether to validate
         * @return this builder
         */
        public Builder validateOnEncode(boolean enabled) {
            this.validateOnEncode = enabled;
            return this;
        }

        /**
         * Turns payload validation after decoding on or off (default on).
         *
         * @param enabled whether to validate
         * @return this builder
         */
        public Builder validateOnDecode(boolean enabled) {
            this.validateOnDecode = enabled;
            return this;
        }

        /**
         * Sets the size limit of one event in bytes, checked on encode and decode.
         *
         * @param bytes the limit, at least 1,024
         * @return this builder
         * @throws IllegalArgumentException if the limit is below 1,024
         */
        public Builder maxEventBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxEventBytes must be at least 1024, but was " + bytes);
            }
            this.maxEventBytes = bytes;
            return this;
        }

        /**
         * Sets the maximum JSON nesting depth accepted on decode.
         *
         * @param depth the limit, between 8 and 1,000
         * @return this builder
         * @throws IllegalArgumentException if the depth is outside that range
         */
        public Builder maxNestingDepth(int depth) {
            if (depth < 8 || depth > 1000) {
                throw new IllegalArgumentException("maxNestingDepth must be between 8 and 1000, but was " + depth);
            }
            this.maxNestingDepth = depth;
            return this;
        }

        /**
         * Builds the codec.
         *
         * @return the codec
         */
        public EventCodec build() {
            return new EventCodec(this);
        }
    }
}
