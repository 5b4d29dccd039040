package com.huleedu.commoncore.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Jackson serializers and deserializers for the wire forms of instants, UUIDs and floating-point
 * numbers.
 *
 * <p>Instants follow {@link WireInstants}; UUIDs follow {@link WireUuids}; a {@code NaN} or
 * infinite {@code double} or {@code float} fails to encode, because JSON has no such value and
 * Python's {@code json} module writes a token other parsers reject. Registered after
 * {@code JavaTimeModule}, so these win for {@link Instant}.
 */
final class WireTypesModule extends SimpleModule {

    private static final long serialVersionUID = 1L;

    WireTypesModule() {
        super("common-core-wire-types");
        addSerializer(Instant.class, new InstantSerializer());
        addDeserializer(Instant.class, new InstantDeserializer());
        addSerializer(UUID.class, new UuidSerializer());
        addDeserializer(UUID.class, new UuidDeserializer());
        FiniteDoubleSerializer doubles = new FiniteDoubleSerializer();
        addSerializer(Double.class, doubles);
        addSerializer(Double.TYPE, doubles);
        FiniteFloatSerializer floats = new FiniteFloatSerializer();
        addSerializer(Float.class, floats);
        addSerializer(Float.TYPE, floats);
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(WireInstants.format(value));
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new WireValueException(p, "expected " + WireInstants.acceptedForms() + ", found " + describe(p.currentToken()));
            }
            return WireInstants.parse(p.getText()).orElseThrow(() -> new WireValueException(p,
                    "malformed instant: expected " + WireInstants.acceptedForms()));
        }
    }

    private static final class UuidSerializer extends JsonSerializer<UUID> {
        @Override
        public void serialize(UUID value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class UuidDeserializer extends JsonDeserializer<UUID> {
        @Override
        public UUID deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new WireValueException(p, "expected a UUID string, found " + describe(p.currentToken()));
            }
            return WireUuids.parse(p.getText()).orElseThrow(() -> new WireValueException(p,
                    "malformed UUID: expected 32 hex digits, with or without hyphens in the 8-4-4-4-12 grouping"));
        }
    }

    private static final class FiniteDoubleSerializer extends JsonSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (!Double.isFinite(value)) {
                throw JsonMappingException.from(gen, "cannot write " + value + ": JSON has no NaN or infinite numbers");
            }
            gen.writeNumber(value);
        }
    }

    private static final class FiniteFloatSerializer extends JsonSerializer<Float> {
        @Override
        public void serialize(Float value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            if (!Float.isFinite(value)) {
                throw JsonMappingException.from(gen, "cannot write " + value + ": JSON has no NaN or infinite numbers");
            }
            gen.writeNumber(value);
        }
    }

    /**
     * Describes a JSON token by its kind, never its text.
     */
    static String describe(JsonToken token) {
        if (token == null) {
            return "end of input";
        }
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
