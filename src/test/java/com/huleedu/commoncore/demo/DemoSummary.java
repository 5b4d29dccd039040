package com.huleedu.commoncore.demo;

import com.huleedu.commoncore.demo.DemoKafka.PartitionOffsets;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one run: counts, offsets, the checks that failed, and the exit code. Written
 * to {@code summary.json} and printed as a table.
 *
 * @param runId the run id
 * @param mode {@code generated} or {@code input}
 * @param broker where the run's broker came from, with its address
 * @param topics the topic and group names
 * @param counts the counts
 * @param lostRecords published records neither handled nor dead-lettered, as {@code topic-partition@offset}
 * @param offsets committed and end offsets per partition of the requests topic, empty if they could not be read
 * @param sampleMismatches records whose outcome differs from the expected one
 * @param failures every reason for a nonzero exit code, empty on success
 * @param durationMillis wall time of the flow in milliseconds
 */
record DemoSummary(String runId, String mode, String broker, DemoTopics topics, Counts counts, List<String> lostRecords,
        List<PartitionOffsets> offsets, List<String> sampleMismatches, List<String> failures, long durationMillis) {

    /**
     * The counts of a run.
     *
     * @param published records the batch service had acknowledged
     * @param handled successful handler calls, counting a redelivered request again
     * @param retried failed attempts that the consumer scheduled for a retry
     * @param deadLettered records read back from the requests' dead-letter topic
     * @param deadLetteredByReason those records per failure reason
     * @param results requests with at least one result
     * @param resultRecords result records received, duplicates included
     * @param duplicateResults results beyond the first per request
     * @param missingResults handled requests without a result
     * @param distinctCorrelationIds distinct correlation ids among the matched results
     * @param lost published records neither handled nor dead-lettered
     */
    record Counts(long published, long handled, long retried, long deadLettered, Map<String, Long> deadLetteredByReason,
            long results, long resultRecords, long duplicateResults, long missingResults, long distinctCorrelationIds,
            long lost) {
    }

    /** Returns 0 when no check failed, else 1. */
    int exitCode() {
        return failures.isEmpty() ? 0 : 1;
    }

    /**
     * Lists every failed check: the failures of the flow itself, lost records, uncommitted
     * offsets, missing or mismatched results, and samples with an unexpected outcome.
     */
    static List<String> failedChecks(List<String> flowFailures, Counts counts, List<PartitionOffsets> offsets,
            ResultsChecker.Check resultCheck, List<String> sampleMismatches) {
        List<String> failures = new ArrayList<>(flowFailures);
        if (counts.lost() > 0) {
            failures.add(counts.lost() + " published record(s) were neither handled nor dead-lettered (see lost_records)");
        }
        if (offsets.isEmpty()) {
            failures.add("the committed and end offsets of the requests topic could not be read");
        }
        for (PartitionOffsets partition : offsets) {
            if (partition.committed() != partition.end()) {
                failures.add("partition " + partition.partition() + " of the requests topic has committed offset "
                        + partition.committed() + " but end offset " + partition.end());
            }
        }
        if (!resultCheck.missing().isEmpty()) {
            failures.add(resultCheck.missing().size() + " handled request(s) have no result, first "
                    + resultCheck.missing().iterator().next());
        }
        if (!resultCheck.wrongCorrelation().isEmpty()) {
            failures.add(resultCheck.wrongCorrelation().size() + " result(s) carry another correlation id than their request, first "
                    + resultCheck.wrongCorrelation().iterator().next());
        }
        if (!resultCheck.unexpected().isEmpty()) {
            failures.add(resultCheck.unexpected().size() + " result(s) match no handled request, first "
                    + resultCheck.unexpected().iterator().next());
        }
        if (!sampleMismatches.isEmpty()) {
            failures.add(sampleMismatches.size() + " record(s) did not reach their expected outcome, first "
                    + sampleMismatches.get(0));
        }
        return failures;
    }

    /** Writes {@code summary.json}, indented, with Jackson. */
    void write(Path file) throws IOException {
        JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), toJson());
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", runId);
        json.put("mode", mode);
        json.put("broker", broker);
        Map<String, Object> names = new LinkedHashMap<>();
        names.put("requests", topics.requests());
        names.put("requests_dead_letter", topics.requestsDeadLetter());
        names.put("results", topics.results());
        names.put("spellcheck_group", topics.spellcheckGroup());
        names.put("checker_group", topics.checkerGroup());
        json.put("topics", names);

        Map<String, Object> countsJson = new LinkedHashMap<>();
        countsJson.put("published", counts.published());
        countsJson.put("handled", counts.handled());
        countsJson.put("retried", counts.retried());
        countsJson.put("dead_lettered", counts.deadLettered());
        countsJson.put("dead_lettered_by_reason", counts.deadLetteredByReason());
        countsJson.put("results", counts.results());
        countsJson.put("result_records", counts.resultRecords());
        countsJson.put("duplicate_results", counts.duplicateResults());
        countsJson.put("missing_results", counts.missingResults());
        countsJson.put("distinct_correlation_ids", counts.distinctCorrelationIds());
        countsJson.put("lost", counts.lost());
        json.put("counts", countsJson);
        json.put("lost", counts.lost());
        json.put("lost_records", lostRecords);

        List<Map<String, Object>> partitions = new ArrayList<>();
        for (PartitionOffsets partition : offsets) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("partition", partition.partition());
            entry.put("committed", partition.committed());
            entry.put("end", partition.end());
            partitions.add(entry);
        }
        json.put("offsets", partitions);
        json.put("offsets_committed", !offsets.isEmpty()
                && offsets.stream().allMatch(partition -> partition.committed() == partition.end()));
        json.put("sample_mismatches", sampleMismatches);
        json.put("failures", failures);
        json.put("exit_code", exitCode());
        json.put("duration_ms", durationMillis);
        return json;
    }

    /** Prints the summary table: ids, counts and coordinates only. */
    void print(PrintStream out) {
        out.println();
        out.println("Summary of run " + runId + " (" + mode + ", " + broker + ")");
        row(out, "published", counts.published());
        row(out, "handled", counts.handled());
        row(out, "retried", counts.retried());
        row(out, "dead-lettered", counts.deadLettered());
        counts.deadLetteredByReason().forEach((reason, count) -> row(out, "  " + reason, count));
        row(out, "results", counts.results());
        row(out, "duplicate results", counts.duplicateResults());
        row(out, "missing results", counts.missingResults());
        row(out, "lost", counts.lost());
        out.printf("  %-28s %10s %10s%n", "requests partition", "committed", "end");
        for (PartitionOffsets partition : offsets) {
            out.printf("  %-28d %10d %10d%n", partition.partition(), partition.committed(), partition.end());
        }
        out.printf("  %-28s %10.1f s%n", "duration", durationMillis / 1000.0);
        if (failures.isEmpty()) {
            out.println("Result: OK, no record lost and every offset committed (exit code 0)");
        } else {
            out.println("Result: FAILED (exit code 1)");
        }
        out.flush();
    }

    private static void row(PrintStream out, String label, long value) {
        out.printf("  %-28s %10d%n", label, value);
    }
}
