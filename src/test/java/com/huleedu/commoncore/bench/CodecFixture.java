package com.huleedu.commoncore.bench;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.EventTypeRegistry;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import com.huleedu.commoncore.json.EventCodec;
import com.huleedu.commoncore.json.EventJson;
import com.huleedu.commoncore.validation.EventValidator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.springframework.kafka.support.serializer.JsonDeserializer;
import org.springframework.kafka.support.serializer.JsonSerializer;

/**
 * One envelope, its encoded bytes and every encoder and decoder under comparison, set up once
 * per fork so that all benchmark methods work on the same record.
 *
 * <p>{@link #setUp()} checks that every encoder writes the same bytes and every typed decoder
 * returns an envelope equal to the original, so the libraries are compared on equal work.
 */
@State(Scope.Benchmark)
@SuppressWarnings({"deprecation", "removal"}) // Spring's Jackson 2 JsonSerializer and JsonDeserializer are the baseline on purpose.
public class CodecFixture {

    /** Topic name passed to Spring's serializer and deserializer, which ignore it. */
    static final String TOPIC = "benchmark-topic";

    /** Text size: {@code short} (about 200 UTF-8 bytes) or {@code essay} (about 5 KB). */
    @Param({"short", "essay"})
    public String text;

    EventEnvelope<SpellcheckRequestedDataV1> envelope;
    byte[] bytes;

    EventCodec codec;
    EventCodec validatingCodec;
    EventValidator validator;

    JavaType envelopeType;
    ObjectMapper mapper;
    ObjectWriter tunedWriter;
    ObjectReader tunedReader;

    JsonSerializer<Object> springHeadersSerializer;
    JsonDeserializer<Object> springHeadersDeserializer;
    JsonSerializer<Object> springTypedSerializer;
    JsonDeserializer<Object> springTypedDeserializer;
    /** The headers that {@link #springHeadersSerializer} adds, copied into each deserialize call. */
    Header[] springTypeHeaders;

    /**
     * Builds the envelope and every codec, and checks that they agree on the bytes.
     *
     * @throws IOException if a Jackson baseline fails on the record
     * @throws IllegalStateException if two encoders disagree or a decoder loses data
     */
    @Setup(Level.Trial)
    @SuppressWarnings({"deprecation", "removal"})
    public void setUp() throws IOException {
        int textBytes = switch (text) {
            case "short" -> BenchmarkEvents.SHORT_TEXT_BYTES;
            case "essay" -> BenchmarkEvents.ESSAY_TEXT_BYTES;
            default -> throw new IllegalArgumentException("unknown text size '" + text + "': use short or essay");
        };
        EventTypeRegistry registry = EventTypeRegistry.withDefaults();
        envelope = BenchmarkEvents.envelope(BenchmarkEvents.factory(registry), BenchmarkEvents.text(textBytes, 42), 1);

        codec = EventCodec.builder().registry(registry).validateOnEncode(false).validateOnDecode(false).build();
        validatingCodec = EventCodec.builder().registry(registry).build();
        validator = EventValidator.shared();
        bytes = validatingCodec.encode(envelope);

        mapper = EventJson.newObjectMapper();
        envelopeType = mapper.getTypeFactory()
                .constructParametricType(EventEnvelope.class, SpellcheckRequestedDataV1.class);
        tunedWriter = mapper.writerFor(envelopeType);
        tunedReader = mapper.readerFor(envelopeType);

        springHeadersSerializer = new JsonSerializer<>(mapper);
        springHeadersDeserializer = new JsonDeserializer<>(mapper);
        springHeadersDeserializer.addTrustedPackages(EventEnvelope.class.getPackageName());
        springTypedSerializer = new JsonSerializer<Object>(envelopeType, mapper).noTypeInfo();
        springTypedDeserializer = new JsonDeserializer<>(envelopeType, mapper, false);

        RecordHeaders written = new RecordHeaders();
        byte[] springBytes = springHeadersSerializer.serialize(TOPIC, written, envelope);
        springTypeHeaders = written.toArray();

        requireSameBytes("hand-tuned Jackson", tunedWriter.writeValueAsBytes(envelope));
        requireSameBytes("plain ObjectMapper", mapper.writeValueAsBytes(envelope));
        requireSameBytes("Spring with type headers", springBytes);
        requireSameBytes("Spring typed", springTypedSerializer.serialize(TOPIC, new RecordHeaders(), envelope));
        if (springTypeHeaders.length == 0) {
            throw new IllegalStateException("Spring's JsonSerializer added no type headers");
        }

        requireEqual("common-core", codec.decode(bytes));
        requireEqual("common-core with validation", validatingCodec.decode(bytes));
        requireEqual("hand-tuned Jackson", tunedReader.readValue(bytes));
        requireEqual("Spring typed", springTypedDeserializer.deserialize(TOPIC, new RecordHeaders(), bytes));
        Object untyped = springHeadersDeserializer.deserialize(TOPIC, new RecordHeaders(springTypeHeaders), bytes);
        // The __TypeId__ header names only the raw class, so the payload comes back as a Map.
        if (!(untyped instanceof EventEnvelope<?> untypedEnvelope) || !(untypedEnvelope.data() instanceof Map)) {
            throw new IllegalStateException("expected Spring with type headers to return an envelope with a Map"
                    + " payload, got " + untyped);
        }
    }

    /**
     * Returns the UTF-8 size of the envelope's text.
     *
     * @return the text size in bytes
     */
    public int textBytes() {
        return envelope.data().text().getBytes(StandardCharsets.UTF_8).length;
    }

    private void requireSameBytes(String encoder, byte[] actual) {
        if (!Arrays.equals(bytes, actual)) {
            throw new IllegalStateException(encoder + " wrote other bytes than common-core:\n"
                    + new String(actual, StandardCharsets.UTF_8) + "\nexpected:\n" + new String(bytes, StandardCharsets.UTF_8));
        }
    }

    private void requireEqual(String decoder, Object decoded) {
        if (!envelope.equals(decoded)) {
            throw new IllegalStateException(decoder + " decoded another envelope than was encoded: " + decoded);
        }
    }
}
