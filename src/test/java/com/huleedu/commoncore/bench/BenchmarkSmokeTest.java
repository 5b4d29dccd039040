package com.huleedu.commoncore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Keeps the benchmarks compiling and running: {@link BenchmarkMain} in smoke mode runs every
 * codec benchmark once, in this JVM, and each Kafka scenario with a few hundred records on the
 * harness broker. Times are not checked, only that every benchmark produced a result.
 */
class BenchmarkSmokeTest {

    private static final int CODEC_METHODS = 13;
    private static final int TEXT_SIZES = 2;

    @Test
    @Timeout(180)
    void smokeModeProducesEveryResult() throws Exception {
        ByteArrayOutputStream report = new ByteArrayOutputStream();
        BenchmarkMain.Results results;
        try (PrintStream out = new PrintStream(report, true, StandardCharsets.UTF_8)) {
            results = BenchmarkMain.run("smoke", out);
        }

        assertThat(results.codec()).hasSize(CODEC_METHODS * TEXT_SIZES);
        for (CodecScore score : results.codec()) {
            String name = score.benchmark() + " with " + score.text() + " text";
            assertThat(score.nanosPerOp()).as("time of %s", name).isPositive();
            assertThat(score.bytesPerOp()).as("allocation of %s", name).isPositive();
        }
        assertThat(results.codec()).extracting(CodecScore::text).containsOnly("short", "essay");

        KafkaThroughputBenchmark.Results kafka = results.kafka();
        assertThat(kafka).isNotNull();
        assertThat(kafka.recordBytes()).isBetween(1_000, 1_400);
        for (RateSample sample : List.of(kafka.publisher(), kafka.rawProducer(), kafka.consumer(), kafka.rawPerPoll(),
                kafka.rawPerRecord())) {
            assertThat(sample.rates()).as("rates of %s", sample.name()).isNotEmpty().allMatch(rate -> rate > 0);
        }

        String printed = report.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("### Codec ratios and targets");
        assertThat(printed).contains("### Kafka ratios and targets");
    }
}
