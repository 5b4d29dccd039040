package com.huleedu.commoncore.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import com.huleedu.commoncore.FailureReason;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventMetadata;
import com.huleedu.commoncore.events.EventType;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Reads the envelope's top-level keys with the streaming parser and binds {@code data} directly
 * to the payload type chosen by {@code event_type}.
 *
 * <p>When {@code data} comes before {@code event_type} (legal JSON, though neither Java nor
 * Python writers do it), it is buffered as tokens and bound once the type is known. Unknown keys
 * are skipped; for a key that appears twice the last value wins, as in Python's {@code json},
 * except that a second {@code event_type} with another value after {@code data} is rejected,
 * because the payload was already bound with the first one.
 * Thread-safe: per-type {@link ObjectReader}s are created once and cached.
 */
final class EnvelopeReader {

    private static final int MAX_EVENT_TYPE_CHARS_IN_MESSAGE = 120;

    private final ObjectMapper mapper;
    private final ObjectReader metadataReader;
    private final Map<java.lang.reflect.Type, ObjectReader> payloadReaders = new ConcurrentHashMap<>();

    EnvelopeReader(ObjectMapper mapper) {
        this.mapper = mapper;
        this.metadataReader = mapper.readerFor(EventMetadata.class).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * Reads one envelope; {@code resolver} maps the {@code event_type} to its registered type or
     * throws the right {@link EventDecodingException}.
     */
    EventEnvelope<Object> read(byte[] bytes, Function<String, EventType<?>> resolver) {
        Fields fields = new Fields();
        try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
            readObject(parser, fields, resolver);
        } catch (EventDecodingException e) {
            throw e;
        } catch (IOException e) {
            throw DecodingErrors.translate(e, fields.currentPath, fields.eventTypeForMessage());
        }
        return fields.toEnvelope(resolver, this);
    }

    private void readObject(JsonParser parser, Fields fields, Function<String, EventType<?>> resolver) throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            throw fields.failure(FailureReason.MALFORMED_JSON, "$", "the input is empty: expected a JSON object");
        }
        if (first != JsonToken.START_OBJECT) {
            throw fields.failure(FailureReason.MALFORMED_JSON, "$",
                    "expected a JSON object, found " + WireTypesModule.describe(first));
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            fields.currentPath = name;
            switch (name) {
                case "event_id" -> fields.eventId = uuid(parser, value, fields, name);
                case "event_type" -> fields.eventType = string(parser, value, fields, name);
                case "source_service" -> fields.sourceService = string(parser, value, fields, name);
                case "timestamp" -> fields.timestamp = instant(parser, value, fields, name);
                case "event_timestamp" -> fields.eventTimestamp = instant(parser, value, fields, name);
                case "correlation_id" -> fields.correlationId = uuid(parser, value, fields, name);
                case "data" -> readData(parser, value, fields, resolver);
                case "metadata" -> fields.metadata = metadata(parser, value, fields);
                default -> parser.skipChildren();
            }
            fields.currentPath = "$";
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw fields.failure(FailureReason.MALFORMED_JSON, "$", "expected a key or the end of the object");
        }
        JsonToken trailing = parser.nextToken();
        if (trailing != null) {
            throw fields.failure(FailureReason.MALFORMED_JSON, "$",
                    "expected the end of input after the JSON object, found " + WireTypesModule.describe(trailing));
        }
    }

    private void readData(JsonParser parser, JsonToken value, Fields fields, Function<String, EventType<?>> resolver)
            throws IOException {
        fields.dataBuffer = null;
        fields.data = null;
        fields.dataBoundAs = null;
        if (value == JsonToken.VALUE_NULL) {
            return;
        }
        if (value != JsonToken.START_OBJECT) {
            throw fields.failure(FailureReason.INVALID_VALUE, "data", "expected an object, found " + WireTypesModule.describe(value));
        }
        if (fields.eventType == null) {
            TokenBuffer buffer = new TokenBuffer(parser);
            buffer.copyCurrentStructure(parser);
            fields.dataBuffer = buffer;
            return;
        }
        EventType<?> type = resolver.apply(fields.eventType);
        fields.data = bindPayload(parser, type, fields);
        fields.dataBoundAs = fields.eventType;
    }

    Object bindPayload(JsonParser parser, EventType<?> type, Fields fields) {
        ObjectReader reader = payloadReaders.computeIfAbsent(type.payloadType(), this::readerFor);
        try {
            return reader.readValue(parser);
        } catch (IOException e) {
            throw DecodingErrors.translate(e, "data", fields.eventTypeForMessage());
        }
    }

    private ObjectReader readerFor(java.lang.reflect.Type type) {
        JavaType javaType = mapper.getTypeFactory().constructType(type);
        // The parser stays inside the envelope after the payload, so trailing tokens are expected here.
        return mapper.readerFor(javaType).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    private EventMetadata metadata(JsonParser parser, JsonToken value, Fields fields) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_OBJECT) {
            throw fields.failure(FailureReason.INVALID_VALUE, "metadata", "expected an object or null, found " + WireTypesModule.describe(value));
        }
        try {
            return metadataReader.readValue(parser);
        } catch (IOException e) {
            throw DecodingErrors.translate(e, "metadata", fields.eventTypeForMessage());
        }
    }

    private static String string(JsonParser parser, JsonToken value, Fields fields, String name) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw fields.failure(FailureReason.INVALID_VALUE, name, "expected a string, found " + WireTypesModule.describe(value));
        }
        return parser.getText();
    }

    private static UUID uuid(JsonParser parser, JsonToken value, Fields fields, String name) throws IOException {
        String text = string(parser, value, fields, name);
        if (text == null) {
            return null;
        }
        return WireUuids.parse(text).orElseThrow(() -> fields.failure(FailureReason.INVALID_VALUE, name,
                "malformed UUID: expected 32 hex digits, with or without hyphens in the 8-4-4-4-12 grouping"));
    }

    private static Instant instant(JsonParser parser, JsonToken value, Fields fields, String name) throws IOException {
        String text = string(parser, value, fields, name);
        if (text == null) {
            return null;
        }
        return WireInstants.parse(text).orElseThrow(() -> fields.failure(FailureReason.INVALID_VALUE, name,
                "malformed instant: expected " + WireInstants.acceptedForms()));
    }

    /** The top-level values read so far. */
    static final class Fields {
        private UUID eventId;
        private String eventType;
        private String sourceService;
        private Instant timestamp;
        private Instant eventTimestamp;
        private UUID correlationId;
        private Object data;
        /** The event type that {@code data} was bound with, or {@code null} while data is absent or buffered. */
        private String dataBoundAs;
        private TokenBuffer dataBuffer;
        private EventMetadata metadata;
        private String currentPath = "$";

        EventDecodingException failure(FailureReason reason, String path, String message) {
            return new EventDecodingException(reason, path, eventTypeForMessage(), message, null);
        }

        String eventTypeForMessage() {
            if (eventType == null || eventType.length() <= MAX_EVENT_TYPE_CHARS_IN_MESSAGE) {
                return eventType;
            }
            return eventType.substring(0, MAX_EVENT_TYPE_CHARS_IN_MESSAGE) + "...";
        }

        EventEnvelope<Object> toEnvelope(Function<String, EventType<?>> resolver, EnvelopeReader reader) {
            require(eventType, "event_type");
            if (dataBoundAs != null && !dataBoundAs.equals(eventType)) {
                // The payload was already bound to the type named first; binding it again is impossible.
                throw failure(FailureReason.INVALID_VALUE, "event_type", "event_type occurs twice with different"
                        + " values, and data was read with the first one: send event_type once");
            }
            EventType<?> type = resolver.apply(eventType);
            require(eventId, "event_id");
            require(sourceService, "source_service");
            Instant when = timestamp != null ? timestamp : eventTimestamp;
            if (when == null) {
                throw failure(FailureReason.MISSING_FIELD, "timestamp", "required field timestamp (or event_timestamp) is missing or null");
            }
            require(correlationId, "correlation_id");
            if (dataBuffer != null) {
                try (JsonParser buffered = dataBuffer.asParser()) {
                    buffered.nextToken();
                    data = reader.bindPayload(buffered, type, this);
                } catch (IOException e) {
                    throw DecodingErrors.translate(e, "data", eventTypeForMessage());
                }
            }
            require(data, "data");
            return new EventEnvelope<>(eventId, eventType, sourceService, when, correlationId, data, metadata);
        }

        private void require(Object value, String name) {
            if (value == null) {
                throw failure(FailureReason.MISSING_FIELD, name, "required field " + name + " is missing or null");
            }
        }
    }
}
