package com.huleedu.commoncore.bench;

import com.fasterxml.jackson.core.type.TypeReference;
import com.huleedu.commoncore.events.EventEnvelope;
import com.huleedu.commoncore.events.spellcheck.SpellcheckRequestedDataV1;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * Jackson used directly with common-core's configured mapper, in two styles: hand-tuned
 * (an {@code ObjectWriter} and {@code ObjectReader} for the concrete {@code JavaType}, created
 * once) and plain ({@code ObjectMapper} calls with a new {@link TypeReference} per decode).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JacksonBaselineBenchmark {

    /**
     * Encodes with the cached {@code ObjectWriter}.
     *
     * @param fixture the record and codecs
     * @return the JSON bytes
     * @throws IOException if Jackson fails
     */
    @Benchmark
    public byte[] tunedEncode(CodecFixture fixture) throws IOException {
        return fixture.tunedWriter.writeValueAsBytes(fixture.envelope);
    }

    /**
     * Decodes with the cached {@code ObjectReader}.
     *
     * @param fixture the record and codecs
     * @return the envelope
     * @throws IOException if Jackson fails
     */
    @Benchmark
    public EventEnvelope<SpellcheckRequestedDataV1> tunedDecode(CodecFixture fixture) throws IOException {
        return fixture.tunedReader.readValue(fixture.bytes);
    }

    /**
     * Encodes with {@code ObjectMapper.writeValueAsBytes}.
     *
     * @param fixture the record and codecs
     * @return the JSON bytes
     * @throws IOException if Jackson fails
     */
    @Benchmark
    public byte[] plainEncode(CodecFixture fixture) throws IOException {
        return fixture.mapper.writeValueAsBytes(fixture.envelope);
    }

    /**
     * Decodes with {@code ObjectMapper.readValue} and a new {@link TypeReference}.
     *
     * @param fixture the record and codecs
     * @return the envelope
     * @throws IOException if Jackson fails
     */
    @Benchmark
    public EventEnvelope<SpellcheckRequestedDataV1> plainDecode(CodecFixture fixture) throws IOException {
        return fixture.mapper.readValue(fixture.bytes, new TypeReference<EventEnvelope<SpellcheckRequestedDataV1>>() { });
    }
}
