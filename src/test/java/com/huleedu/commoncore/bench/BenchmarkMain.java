package com.huleedu.commoncore.bench;

import com.huleedu.commoncore.testing.KafkaBrokers;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the codec benchmarks (JMH) and the Kafka throughput benchmark, then prints every result
 * with its ratio to each baseline.
 *
 * <p>Run with {@code ./mvnw -B test-compile exec:exec@bench -Dbench.args=MODE}, where MODE is
 * <ul>
 *   <li>{@code full} (default): every benchmark with full iteration counts, about 5 minutes
 *       on a 2-core machine;</li>
 *   <li>{@code smoke}: one short iteration of each codec benchmark in this JVM and a Kafka run
 *       with a few hundred records, to prove that everything compiles and runs;</li>
 *   <li>{@code codec} or {@code kafka}: one half of {@code full};</li>
 *   <li>anything else: a JMH include regex, such as {@code decode}, run with full iteration
 *       counts and without Kafka.</li>
 * </ul>
 * The Kafka part starts the test harness broker on 127.0.0.1, or uses
 * {@code KAFKA_BOOTSTRAP_SERVERS} when set.
 */
public final class BenchmarkMain {

    /** JMH include regex that selects every benchmark of this package. */
    public static final String ALL_CODEC_BENCHMARKS = BenchmarkMain.class.getPackageName().replace(".", "\\.") + "\\..*";

    private BenchmarkMain() {
    }

    /**
     * Runs the mode named by the first argument and prints the report to standard output.
     *
     * @param args {@code full}, {@code smoke}, {@code codec}, {@code kafka} or a JMH include regex
     * @throws RunnerException if JMH fails to run a benchmark
     */
    public static void main(String[] args) throws RunnerException {
        String mode = args.length == 0 || args[0].isBlank() ? "full" : args[0].trim();
        run(mode, System.out);
        // The shared broker's shutdown hook stops the child JVM.
        System.exit(0);
    }

    /**
     * Results of one run. A part that was not run is empty or {@code null}.
     *
     * @param codec the JMH codec scores
     * @param kafka the Kafka rates, or {@code null}
     */
    public record Results(List<CodecScore> codec, KafkaThroughputBenchmark.Results kafka) {
    }

    /**
     * Runs one mode and prints the report.
     *
     * @param mode {@code full}, {@code smoke}, {@code codec}, {@code kafka} or a JMH include regex
     * @param out where progress and the report go
     * @return the results
     * @throws RunnerException if JMH fails to run a benchmark
     */
    public static Results run(String mode, PrintStream out) throws RunnerException {
        boolean smoke = mode.equals("smoke");
        boolean runCodec = !mode.equals("kafka");
        boolean runKafka = mode.equals("full") || mode.equals("smoke") || mode.equals("kafka");
        String include = switch (mode) {
            case "full", "smoke", "codec", "kafka" -> ALL_CODEC_BENCHMARKS;
            default -> mode;
        };
        printEnvironment(out, mode);

        List<CodecScore> codec = runCodec ? runCodec(include, smoke) : List.of();
        KafkaThroughputBenchmark.Results kafka = null;
        if (runKafka) {
            KafkaThroughputBenchmark.Sizes sizes = smoke ? KafkaThroughputBenchmark.Sizes.SMOKE : KafkaThroughputBenchmark.Sizes.FULL;
            kafka = new KafkaThroughputBenchmark(KafkaBrokers.shared(), sizes, out).run();
        }

        BenchmarkReport report = new BenchmarkReport(out);
        if (!codec.isEmpty()) {
            report.printCodec(codec);
        }
        if (kafka != null) {
            report.printKafka(kafka);
        }
        return new Results(codec, kafka);
    }

    /**
     * Runs the selected JMH benchmarks with the {@code gc} profiler.
     *
     * <p>Full runs fork two JVMs per benchmark, each with 2 warm-up and 3 measured iterations of
     * one second, because one fork's JIT decisions can shift a score by a third. Smoke runs stay in this JVM, so JMH warns that their numbers are unreliable. They
     * only show that each benchmark runs.
     */
    private static List<CodecScore> runCodec(String include, boolean smoke) throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        if (smoke) {
            options.forks(0)
                    .warmupIterations(0)
                    .measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        } else {
            options.forks(2)
                    .jvmArgs("-Xms1g", "-Xmx1g")
                    .warmupIterations(2)
                    .warmupTime(TimeValue.seconds(1))
                    .measurementIterations(3)
                    .measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        List<CodecScore> scores = new ArrayList<>();
        for (RunResult result : results) {
            scores.add(toScore(result));
        }
        return scores;
    }

    @SuppressWarnings("rawtypes") // JMH 1.37 declares getSecondaryResults() with the raw Result type.
    private static CodecScore toScore(RunResult result) {
        String benchmark = result.getParams().getBenchmark();
        String[] parts = benchmark.split("\\.");
        String name = parts[parts.length - 2] + "." + parts[parts.length - 1];
        Result<?> primary = result.getPrimaryResult();
        double nanos = toNanos(primary.getScore(), primary.getScoreUnit());
        double error = toNanos(primary.getScoreError(), primary.getScoreUnit());
        double bytes = Double.NaN;
        for (var secondary : result.getSecondaryResults().entrySet()) {
            if (secondary.getKey().endsWith("gc.alloc.rate.norm")) {
                bytes = secondary.getValue().getScore();
            }
        }
        return new CodecScore(name, result.getParams().getParam("text"), nanos, error, bytes);
    }

    private static double toNanos(double value, String unit) {
        if (!unit.startsWith("ns/")) {
            throw new IllegalStateException("expected a score in ns/op, got " + unit);
        }
        return value;
    }

    private static void printEnvironment(PrintStream out, String mode) {
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "common-core benchmarks, mode %s%n", mode);
        out.printf(Locale.ROOT, "Machine: %d cores, max heap %d MiB, %s %s (%s), %s %s%n", runtime.availableProcessors(),
                runtime.maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.vendor"),
                System.getProperty("os.name"), System.getProperty("os.version"));
        out.printf(Locale.ROOT, "Started at %s%n", Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }
}
