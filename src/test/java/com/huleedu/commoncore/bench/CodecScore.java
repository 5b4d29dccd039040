package com.huleedu.commoncore.bench;

/**
 * One JMH result of a codec benchmark.
 *
 * @param benchmark the benchmark's class and method, such as {@code CommonCoreCodecBenchmark.decode}
 * @param text the text size parameter, {@code short} or {@code essay}
 * @param nanosPerOp the mean time per operation in nanoseconds
 * @param error the half-width of JMH's 99.9% confidence interval in nanoseconds, or NaN
 *        when there were too few iterations to compute one
 * @param bytesPerOp bytes allocated per operation from the {@code gc} profiler, or NaN if absent
 */
public record CodecScore(String benchmark, String text, double nanosPerOp, double error, double bytesPerOp) {
}
