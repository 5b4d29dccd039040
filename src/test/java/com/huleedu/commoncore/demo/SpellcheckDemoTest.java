package com.huleedu.commoncore.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.huleedu.commoncore.testing.KafkaBroker;
import com.huleedu.commoncore.testing.RealKafka;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the whole demo on the harness broker and checks its output files. */
@RealKafka
class SpellcheckDemoTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The bad samples and the failure reason each must be dead-lettered with. */
    private static final Map<String, String> BAD_SAMPLE_REASONS = Map.of(
            "bad-truncated-json", "malformed_json",
            "bad-invalid-utf8", "malformed_json",
            "bad-json-array", "malformed_json",
            "bad-empty-value", "malformed_json",
            "bad-tombstone", "malformed_json",
            "bad-blank-text", "invalid_payload",
            "bad-language-tag", "invalid_payload",
            "bad-unknown-event-type", "unknown_event_type",
            "bad-missing-correlation-id", "missing_field",
            "bad-unhandled-event-type", "unknown_event_type");

    @Test
    void generatedFlowLosesNothing(@TempDir Path outDir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = new SpellcheckDemo().run(new String[] {"--count", "60", "--fail-every", "10",
            "--fail-after-publish-every", "25", "--timeout", "120", "--out", outDir.toString()}, print(out), print(err));

        assertThat(exitCode).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode summary = JSON.readTree(outDir.resolve("summary.json").toFile());
        JsonNode counts = summary.get("counts");
        assertThat(summary.get("lost").asLong()).isZero();
        assertThat(summary.get("lost_records")).isEmpty();
        assertThat(counts.get("published").asLong()).isEqualTo(70);
        assertThat(counts.get("dead_lettered").asLong()).isEqualTo(10);
        assertThat(counts.get("retried").asLong()).isPositive();
        assertThat(counts.get("duplicate_results").asLong()).isPositive();
        assertThat(counts.get("missing_results").asLong()).isZero();
        assertThat(summary.get("failures")).isEmpty();
        assertThat(summary.get("sample_mismatches")).isEmpty();

        List<JsonNode> processed = readLines(outDir.resolve("processed.jsonl"));
        Set<String> handledKeys = new HashSet<>();
        Set<String> handledCorrelationIds = new HashSet<>();
        processed.forEach(line -> {
            handledKeys.add(line.get("key").asText());
            handledCorrelationIds.add(line.get("correlation_id").asText());
        });
        assertThat(handledKeys).hasSize(60).allMatch(key -> key.startsWith("essay-"));
        assertThat(counts.get("handled").asLong()).isEqualTo(processed.size());
        assertThat(counts.get("results").asLong()).isEqualTo(handledCorrelationIds.size());
        assertThat(counts.get("distinct_correlation_ids").asLong()).isEqualTo(handledCorrelationIds.size());

        Map<String, String> deadLetterReasons = new HashMap<>();
        for (JsonNode line : readLines(outDir.resolve("dead-letter.jsonl"))) {
            deadLetterReasons.put(line.get("key").asText(), line.get("reason").asText());
            assertThat(line.get("original_topic").asText()).isEqualTo(summary.at("/topics/requests").asText());
            assertThat(line.get("exception_class").asText()).startsWith("com.huleedu.commoncore.");
        }
        assertThat(deadLetterReasons).isEqualTo(BAD_SAMPLE_REASONS);

        long endTotal = 0;
        for (JsonNode partition : summary.get("offsets")) {
            assertThat(partition.get("committed").asLong()).as("partition %s", partition.get("partition"))
                    .isEqualTo(partition.get("end").asLong());
            endTotal += partition.get("end").asLong();
        }
        assertThat(summary.get("offsets")).hasSize(3);
        assertThat(endTotal).isEqualTo(70);

        List<JsonNode> published = readLines(outDir.resolve("published.jsonl"));
        assertThat(published).hasSize(70);
        JsonNode invalidUtf8 = published.stream().filter(line -> line.get("key").asText().equals("bad-invalid-utf8"))
                .findFirst().orElseThrow();
        assertThat(invalidUtf8.get("value_encoding").asText()).isEqualTo("base64");

        String stdout = out.toString(StandardCharsets.UTF_8);
        assertThat(stdout).contains("Summary of run", "Result: OK");
        for (JsonNode line : published) {
            if (line.get("sender").asText().equals("event_publisher")) {
                String text = JSON.readTree(line.get("value").asText()).at("/data/text").asText();
                assertThat(stdout).as("stdout must not contain essay text").doesNotContain(text);
            }
        }
    }

    @Test
    void pydanticVectorsAreAllHandled(KafkaBroker broker, @TempDir Path tempDir) throws Exception {
        Path input = copyVectors(tempDir.resolve("vectors"));
        Path outDir = tempDir.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = new SpellcheckDemo().run(new String[] {"--input", input.toString(), "--bootstrap-servers",
            broker.bootstrapServers(), "--out", outDir.toString()}, print(new ByteArrayOutputStream()), print(err));

        assertThat(exitCode).as("exit code; stderr: %s", err.toString(StandardCharsets.UTF_8)).isZero();
        JsonNode summary = JSON.readTree(outDir.resolve("summary.json").toFile());
        assertThat(summary.get("lost").asLong()).isZero();
        assertThat(summary.at("/counts/dead_lettered").asLong()).isZero();
        List<String> accepted = acceptedVectors(input.resolve("MANIFEST.tsv"));
        assertThat(accepted).hasSize(8);
        assertThat(summary.at("/counts/published").asLong()).isEqualTo(accepted.size());
        assertThat(summary.at("/counts/results").asLong()).isEqualTo(accepted.size());
        Set<String> handledKeys = new HashSet<>();
        readLines(outDir.resolve("processed.jsonl")).forEach(line -> handledKeys.add(line.get("key").asText()));
        assertThat(handledKeys).containsExactlyInAnyOrderElementsOf(accepted);
        for (JsonNode line : readLines(outDir.resolve("published.jsonl"))) {
            byte[] file = Files.readAllBytes(input.resolve(line.get("key").asText() + ".json"));
            assertThat(line.get("value").asText()).isEqualTo(new String(file, StandardCharsets.UTF_8));
            assertThat(line.get("sender").asText()).isEqualTo("raw_producer");
        }
    }

    @Test
    void slowFlowTimesOutWithOne(@TempDir Path outDir) throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        // Every first attempt fails and pauses its partition for 100 ms, so 300 records per
        // partition need 30 s or more, far beyond the 10 s timeout.
        int exitCode = new SpellcheckDemo().run(new String[] {"--count", "900", "--fail-every", "1",
            "--fail-after-publish-every", "0", "--timeout", "10", "--out", outDir.toString()},
                print(new ByteArrayOutputStream()), print(err));

        assertThat(exitCode).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("FAILED: timed out after 10 s waiting until every request is handled or dead-lettered");
        JsonNode summary = JSON.readTree(outDir.resolve("summary.json").toFile());
        assertThat(summary.get("exit_code").asInt()).isEqualTo(1);
        assertThat(summary.get("lost").asLong()).isPositive();
        assertThat(summary.get("failures").get(0).asText()).startsWith("timed out after 10 s");
    }

    private static Path copyVectors(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(SpellcheckDemoTest.class.getResource("/vectors/pydantic").toURI());
        Files.createDirectories(target);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(source)) {
            for (Path file : files) {
                Files.copy(file, target.resolve(file.getFileName().toString()));
            }
        }
        return target;
    }

    private static List<String> acceptedVectors(Path manifest) throws IOException {
        List<String> accepted = new ArrayList<>();
        for (String row : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            String[] columns = row.split("\t");
            if (columns.length > 1 && columns[1].equals("accept")) {
                accepted.add(columns[0]);
            }
        }
        return accepted;
    }

    private static List<JsonNode> readLines(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(JSON.readTree(line));
        }
        return lines;
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
