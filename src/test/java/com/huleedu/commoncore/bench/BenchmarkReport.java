package com.huleedu.commoncore.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints benchmark results as Markdown tables: the codec scores, the Kafka rates, and the
 * ratios to each baseline with a verdict per target.
 *
 * <p>A speed ratio above 1 means common-core is faster. Codec pairs add the mean times of
 * encode and decode. The range of a ratio combines the ends of JMH's 99.9% error bars, summed
 * for a pair, so it is wider than a real confidence interval. Kafka ranges divide the worst run
 * by the best baseline run and the other way round. A verdict compares the mean ratio with the
 * target and states when the range crosses the target, because then a repeated run could flip it.
 */
public final class BenchmarkReport {

    /** Benchmark methods in print order, with their labels. */
    private static final String[][] CODEC_ROWS = {
        {"CommonCoreCodecBenchmark.encode", "common-core encode, validation off"},
        {"CommonCoreCodecBenchmark.encodeValidated", "common-core encode, validation on"},
        {"CommonCoreCodecBenchmark.decode", "common-core decode via registry, validation off"},
        {"CommonCoreCodecBenchmark.decodeValidated", "common-core decode via registry, validation on"},
        {"CommonCoreCodecBenchmark.validate", "common-core validation alone"},
        {"JacksonBaselineBenchmark.tunedEncode", "Jackson hand-tuned ObjectWriter"},
        {"JacksonBaselineBenchmark.tunedDecode", "Jackson hand-tuned ObjectReader"},
        {"JacksonBaselineBenchmark.plainEncode", "Jackson ObjectMapper.writeValueAsBytes"},
        {"JacksonBaselineBenchmark.plainDecode", "Jackson ObjectMapper.readValue, new TypeReference"},
        {"SpringKafkaBaselineBenchmark.headersSerialize", "Spring JsonSerializer, type headers"},
        {"SpringKafkaBaselineBenchmark.headersDeserialize", "Spring JsonDeserializer, type headers (Map payload)"},
        {"SpringKafkaBaselineBenchmark.typedSerialize", "Spring JsonSerializer, typed"},
        {"SpringKafkaBaselineBenchmark.typedDeserialize", "Spring JsonDeserializer, typed JavaType"},
    };

    private static final String[] TEXTS = {"short", "essay"};

    private final PrintStream out;

    /**
     * Creates a printer.
     *
     * @param out where the Markdown goes
     */
    public BenchmarkReport(PrintStream out) {
        this.out = out;
    }

    /**
     * Prints the codec scores and, if the codec pairs are complete, their ratios and verdicts.
     *
     * @param scores the JMH results, in any order
     */
    public void printCodec(List<CodecScore> scores) {
        out.println();
        out.println("### Codec (JMH, average time per operation)");
        out.println();
        out.println("| Benchmark | Text | ns/op | ± error (99.9%) | B/op |");
        out.println("| --- | --- | ---: | ---: | ---: |");
        for (String text : TEXTS) {
            for (String[] row : CODEC_ROWS) {
                find(scores, row[0], text).ifPresent(score -> out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s |%n",
                        row[1], text, number(score.nanosPerOp()), number(score.error()), number(score.bytesPerOp())));
            }
        }
        List<String> verdicts = new ArrayList<>();
        for (String text : TEXTS) {
            codecVerdicts(scores, text, verdicts);
        }
        if (!verdicts.isEmpty()) {
            out.println();
            out.println("### Codec ratios and targets");
            out.println();
            out.println("| Comparison | Text | Ratio | Range | Target | Result |");
            out.println("| --- | --- | ---: | --- | --- | --- |");
            verdicts.forEach(out::println);
        }
    }

    /**
     * Prints the Kafka rates, their ratios and the verdicts.
     *
     * @param results the Kafka results
     */
    public void printKafka(KafkaThroughputBenchmark.Results results) {
        out.println();
        out.printf(Locale.ROOT, "### Kafka throughput (records of %d bytes, %d partitions)%n",
                results.recordBytes(), KafkaThroughputBenchmark.PARTITIONS);
        out.println();
        out.println("| Scenario | Records per run | Runs | Mean records/s | Min | Max |");
        out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        for (RateSample sample : List.of(results.publisher(), results.rawProducer(), results.consumer(),
                results.rawPerPoll(), results.rawPerRecord())) {
            out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.0f |%n", sample.name(), sample.records(),
                    sample.rates().size(), sample.mean(), sample.min(), sample.max());
        }
        out.println();
        out.println("### Kafka ratios and targets");
        out.println();
        out.println("| Comparison | Ratio of means | Range (worst to best run) | Target | Result |");
        out.println("| --- | ---: | --- | --- | --- |");
        kafkaVerdict("EventPublisher / raw KafkaProducer", results.publisher(), results.rawProducer(), 0.95);
        kafkaVerdict("EventConsumer / raw loop, commit per poll", results.consumer(), results.rawPerPoll(), 0.9);
        kafkaVerdict("EventConsumer / raw loop, commit per record", results.consumer(), results.rawPerRecord(), 10.0);
    }

    private void codecVerdicts(List<CodecScore> scores, String text, List<String> rows) {
        Optional<Pair> core = pair(scores, text, "CommonCoreCodecBenchmark.encode", "CommonCoreCodecBenchmark.decode");
        if (core.isEmpty()) {
            return;
        }
        String[][] baselines = {
            {"JacksonBaselineBenchmark.tunedEncode", "JacksonBaselineBenchmark.tunedDecode",
                "encode+decode speed vs Jackson hand-tuned", "0.95"},
            {"SpringKafkaBaselineBenchmark.headersSerialize", "SpringKafkaBaselineBenchmark.headersDeserialize",
                "encode+decode speed vs Spring, type headers", "1.0"},
            {"SpringKafkaBaselineBenchmark.typedSerialize", "SpringKafkaBaselineBenchmark.typedDeserialize",
                "encode+decode speed vs Spring, typed", "1.0"},
            {"JacksonBaselineBenchmark.plainEncode", "JacksonBaselineBenchmark.plainDecode",
                "encode+decode speed vs Jackson plain ObjectMapper", null},
        };
        for (String[] baseline : baselines) {
            Optional<Pair> other = pair(scores, text, baseline[0], baseline[1]);
            if (other.isEmpty()) {
                continue;
            }
            double ratio = other.get().nanos() / core.get().nanos();
            double low = Math.max(0, other.get().nanos() - other.get().error()) / (core.get().nanos() + core.get().error());
            double high = upperRatio(other.get().nanos() + other.get().error(), core.get().nanos() - core.get().error());
            Double target = baseline[3] == null ? null : Double.valueOf(baseline[3]);
            rows.add(row(baseline[2], text, ratio, low, high, target, true));
        }

        Optional<CodecScore> decode = find(scores, "CommonCoreCodecBenchmark.decode", text);
        Optional<CodecScore> tunedDecode = find(scores, "JacksonBaselineBenchmark.tunedDecode", text);
        if (decode.isPresent() && tunedDecode.isPresent()) {
            double ratio = decode.get().bytesPerOp() / tunedDecode.get().bytesPerOp();
            rows.add(row("bytes allocated per decode vs Jackson hand-tuned", text, ratio, Double.NaN, Double.NaN, 1.2, false));
        }
        Optional<CodecScore> validated = find(scores, "CommonCoreCodecBenchmark.decodeValidated", text);
        if (decode.isPresent() && validated.isPresent()) {
            double plain = decode.get().nanosPerOp();
            double checked = validated.get().nanosPerOp();
            double added = (checked - plain) / plain;
            double low = (checked - validated.get().error() - plain - decode.get().error()) / (plain + decode.get().error());
            double high = upperRatio(checked + validated.get().error() - (plain - decode.get().error()),
                    plain - decode.get().error());
            double limit = "short".equals(text) ? 0.30 : 0.10;
            rows.add(row("time added to decode by validation", text, added, low, high, limit, false));
        }
    }

    private void kafkaVerdict(String comparison, RateSample ours, RateSample baseline, double target) {
        double ratio = ours.mean() / baseline.mean();
        double low = ours.min() / baseline.max();
        double high = ours.max() / baseline.min();
        String result = ratio >= target ? "met" : "missed";
        if (low < target && high > target) {
            result += ", but the range crosses the target";
        }
        out.printf(Locale.ROOT, "| %s | %.2fx | %.2fx to %.2fx | >= %sx | %s |%n", comparison, ratio, low, high,
                number(target), result);
    }

    private static String row(String comparison, String text, double ratio, double low, double high, Double target,
            boolean atLeast) {
        String upper = Double.isInfinite(high) ? "unbounded" : String.format(Locale.ROOT, "%.2fx", high);
        String range = Double.isNaN(low) ? "n/a" : String.format(Locale.ROOT, "%.2fx to %s", low, upper);
        String targetText;
        String result;
        if (target == null) {
            targetText = "none";
            result = "reference only";
        } else if (atLeast) {
            targetText = ">= " + number(target) + "x";
            result = ratio >= target ? "met" : "missed";
        } else {
            targetText = "<= " + number(target) + (comparison.startsWith("time added") ? "" : "x");
            result = ratio <= target ? "met" : "missed";
        }
        if (target != null && !Double.isNaN(low) && low < target && high > target) {
            result += ", but the range crosses the target";
        }
        if (comparison.startsWith("time added")) {
            upper = Double.isInfinite(high) ? "unbounded" : String.format(Locale.ROOT, "%+.0f%%", high * 100);
            range = Double.isNaN(low) ? "n/a" : String.format(Locale.ROOT, "%+.0f%% to %s", low * 100, upper);
            return String.format(Locale.ROOT, "| %s | %s | %+.1f%% | %s | <= %.0f%% | %s |", comparison, text,
                    ratio * 100, range, target * 100, result);
        }
        return String.format(Locale.ROOT, "| %s | %s | %.2fx | %s | %s | %s |", comparison, text, ratio, range,
                targetText, result);
    }

    /** Divides, or returns infinity when an error bar reaches below zero and leaves no upper bound. */
    private static double upperRatio(double numerator, double denominator) {
        return denominator <= 0 ? Double.POSITIVE_INFINITY : numerator / denominator;
    }

    private static Optional<Pair> pair(List<CodecScore> scores, String text, String encode, String decode) {
        Optional<CodecScore> first = find(scores, encode, text);
        Optional<CodecScore> second = find(scores, decode, text);
        if (first.isEmpty() || second.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pair(first.get().nanosPerOp() + second.get().nanosPerOp(),
                first.get().error() + second.get().error()));
    }


    private static Optional<CodecScore> find(List<CodecScore> scores, String benchmark, String text) {
        return scores.stream().filter(s -> s.benchmark().equals(benchmark) && s.text().equals(text)).findFirst();
    }

    private static String number(double value) {
        if (Double.isNaN(value)) {
            return "n/a";
        }
        if (value >= 100) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    /** Mean time of an encode and a decode together, with the sum of their error bars (NaN if either has none). */
    private record Pair(double nanos, double error) {
    }
}
