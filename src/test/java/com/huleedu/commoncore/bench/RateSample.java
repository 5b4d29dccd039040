package com.huleedu.commoncore.bench;

import java.util.List;

/**
 * Throughput of one Kafka scenario over its repetitions.
 *
 * @param name the scenario, as printed in the report
 * @param records records per repetition
 * @param rates records per second, one per repetition, in run order
 */
public record RateSample(String name, int records, List<Double> rates) {

    /**
     * Creates a sample, copying the rates.
     *
     * @throws IllegalArgumentException if there is no rate
     */
    public RateSample {
        rates = List.copyOf(rates);
        if (rates.isEmpty()) {
            throw new IllegalArgumentException("sample " + name + " has no repetitions");
        }
    }

    /**
     * Returns the arithmetic mean of the rates.
     *
     * @return records per second
     */
    public double mean() {
        return rates.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /**
     * Returns the lowest rate.
     *
     * @return records per second
     */
    public double min() {
        return rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /**
     * Returns the highest rate.
     *
     * @return records per second
     */
    public double max() {
        return rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }
}
