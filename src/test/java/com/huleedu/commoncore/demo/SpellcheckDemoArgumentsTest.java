package com.huleedu.commoncore.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SpellcheckDemoArgumentsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 14, 9, 26, 53);

    @ParameterizedTest
    @ValueSource(strings = {
        "--unknown", "--count abc", "--count 0", "--count -3", "--count", "--out --count 5", "--timeout 0",
        "--fail-every x", "--input does/not/exist", "--count=", "--input src --count 5", "extra"
    })
    void badArgumentsExitWithUsage(String commandLine) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = new SpellcheckDemo().run(commandLine.split(" "), print(out), print(err));

        assertThat(exitCode).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("Error: ").contains("Usage: SpellcheckDemo");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void helpPrintsUsageAndExitsZero() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exitCode = new SpellcheckDemo().run(new String[] {"--help"}, print(out), print(err));

        assertThat(exitCode).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("Usage: SpellcheckDemo", "--count N", "--input DIR");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void defaultsApplyWithoutArguments() {
        DemoOptions options = DemoOptions.parse(new String[0], Map.of(), NOW);

        assertThat(options.count()).isEqualTo(1000);
        assertThat(options.inputDir()).isNull();
        assertThat(options.bootstrapServers()).isNull();
        assertThat(options.outDir()).isEqualTo(Path.of("target", "demo-20260314-092653"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(options.failEvery()).isEqualTo(50);
        assertThat(options.failAfterPublishEvery()).isEqualTo(200);
    }

    @Test
    void valuesAfterEqualsSignAreRead(@TempDir Path dir) {
        DemoOptions options = DemoOptions.parse(new String[] {"--input=" + dir, "--out=" + dir.resolve("out"),
            "--timeout=30", "--fail-every=0", "--bootstrap-servers=127.0.0.1:9092"}, Map.of(), NOW);

        assertThat(options.inputDir()).isEqualTo(dir);
        assertThat(options.outDir()).isEqualTo(dir.resolve("out"));
        assertThat(options.timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.failEvery()).isZero();
        assertThat(options.bootstrapServers()).isEqualTo("127.0.0.1:9092");
    }

    @Test
    void environmentNamesClusterWhenOptionAbsent() {
        DemoOptions fromEnvironment = DemoOptions.parse(new String[0],
                Map.of(DemoOptions.BOOTSTRAP_SERVERS_ENV, "127.0.0.1:9093"), NOW);
        DemoOptions fromOption = DemoOptions.parse(new String[] {"--bootstrap-servers", "127.0.0.1:9094"},
                Map.of(DemoOptions.BOOTSTRAP_SERVERS_ENV, "127.0.0.1:9093"), NOW);

        assertThat(fromEnvironment.bootstrapServers()).isEqualTo("127.0.0.1:9093");
        assertThat(fromOption.bootstrapServers()).isEqualTo("127.0.0.1:9094");
    }

    @Test
    void outputPathThatIsFileIsRejected(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");

        assertThatThrownBy(() -> DemoOptions.parse(new String[] {"--out", file.toString()}, Map.of(), NOW))
                .isInstanceOf(DemoOptions.UsageException.class)
                .hasMessageContaining("is a file");
    }

    private static PrintStream print(ByteArrayOutputStream buffer) {
        return new PrintStream(buffer, true, StandardCharsets.UTF_8);
    }
}
