package com.huleedu.commoncore.bench;

import com.huleedu.commoncore.events.EventEnvelope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;

/**
 * common-core's {@link com.huleedu.commoncore.json.EventCodec} and
 * {@link com.huleedu.commoncore.validation.EventValidator} on the record of {@link CodecFixture}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CommonCoreCodecBenchmark {

    /**
     * Encodes with validation off.
     *
     * @param fixture the record and codecs
     * @return the JSON bytes
     */
    @Benchmark
    public byte[] encode(CodecFixture fixture) {
        return fixture.codec.encode(fixture.envelope);
    }

    /**
     * Encodes with validation on, the codec's default.
     *
     * @param fixture the record and codecs
     * @return the JSON bytes
     */
    @Benchmark
    public byte[] encodeValidated(CodecFixture fixture) {
        return fixture.validatingCodec.encode(fixture.envelope);
    }

    /**
     * Decodes through the registry with validation off.
     *
     * @param fixture the record and codecs
     * @return the envelope
     */
    @Benchmark
    public EventEnvelope<?> decode(CodecFixture fixture) {
        return fixture.codec.decode(fixture.bytes);
    }

    /**
     * Decodes through the registry with validation on, the codec's default.
     *
     * @param fixture the record and codecs
     * @return the envelope
     */
    @Benchmark
    public EventEnvelope<?> decodeValidated(CodecFixture fixture) {
        return fixture.validatingCodec.decode(fixture.bytes);
    }

    /**
     * Validates the decoded envelope's payload alone.
     *
     * @param fixture the record and codecs
     * @return the envelope, so the call cannot be removed
     */
    @Benchmark
    public EventEnvelope<?> validate(CodecFixture fixture) {
        fixture.validator.validate(fixture.envelope);
        return fixture.envelope;
    }
}
