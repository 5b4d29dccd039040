package com.huleedu.commoncore.bench;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Spring for Apache Kafka's Jackson 2 {@code JsonSerializer} and {@code JsonDeserializer}
 * (deprecated in spring-kafka 4.x), given common-core's configured mapper, in two setups.
 *
 * <p>With type headers, the serializer adds {@code __TypeId__} and the deserializer reads it.
 * The header names only the raw class {@code EventEnvelope}, so {@code data} comes back as a
 * {@code Map}, not as {@code SpellcheckRequestedDataV1}. Typed, the deserializer is built for
 * the concrete {@code JavaType} and both sides leave type headers off. Every call gets a new
 * {@link RecordHeaders}, as Kafka's clients pass one per record.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpringKafkaBaselineBenchmark {

    /**
     * Serializes and adds the {@code __TypeId__} header.
     *
     * @param fixture the record and codecs
     * @return the JSON bytes
     */
    @Benchmark
    public byte[] headersSerialize(CodecFixture fixture) {
        return fixture.springHeadersSerializer.serialize(CodecFixture.TOPIC, new RecordHeaders(), fixture.envelope);
    }

    /**
     * Deserializes with the type taken from the {@code __TypeId__} header.
     *
     * @param fixture the record and codecs
     * @return the envelope, with a {@code Map} payload
     */
    @Benchmark
    public Object headersDeserialize(CodecFixture fixture) {
        RecordHeaders headers = new RecordHeaders(fixture.springTypeHeaders);
        return fixture.springHeadersDeserializer.deserialize(CodecFixture.TOPIC, headers, fixture.bytes);
    }

    /**
     * Serializes with the typed serializer and no type headers.
     *
     * @param fixture the record and codecs
     * @return the JSON bytes
     */
    @Benchmark
    public byte[] typedSerialize(CodecFixture fixture) {
        return fixture.springTypedSerializer.serialize(CodecFixture.TOPIC, new RecordHeaders(), fixture.envelope);
    }

    /**
     * Deserializes with the deserializer built for the concrete {@code JavaType}.
     *
     * @param fixture the record and codecs
     * @return the envelope
     */
    @Benchmark
    public Object typedDeserialize(CodecFixture fixture) {
        return fixture.springTypedDeserializer.deserialize(CodecFixture.TOPIC, new RecordHeaders(), fixture.bytes);
    }
}
