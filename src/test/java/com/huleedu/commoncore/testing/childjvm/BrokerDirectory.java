package com.huleedu.commoncore.testing.childjvm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Temporary directory of one child-JVM broker: its configuration, log directory, temp directory and
 * captured output. Not thread-safe, so {@link ChildJvmKafkaBroker} uses it only under its lock.
 */
final class BrokerDirectory {

    /** KRaft node id of the single broker-and-controller node. */
    static final int NODE_ID = 1;

    final Path root;
    final Path dataDir;
    final Path tmpDir;
    final Path serverProperties;
    final Path logbackConfig;
    final Path brokerLog;
    final Path formatLog;

    private BrokerDirectory(Path root) {
        this.root = root;
        this.dataDir = root.resolve("data");
        this.tmpDir = root.resolve("tmp");
        this.serverProperties = root.resolve("server.properties");
        this.logbackConfig = root.resolve("logback.xml");
        this.brokerLog = root.resolve("broker.log");
        this.formatLog = root.resolve("format.log");
    }

    /** Creates a new directory under {@code java.io.tmpdir} with the logging configuration. */
    static BrokerDirectory create() {
        try {
            BrokerDirectory directory =
                    new BrokerDirectory(Files.createTempDirectory("commoncore-kafka-"));
            Files.createDirectories(directory.tmpDir);
            directory.writeLogbackConfig();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to create the broker's temporary directory", e);
        }
    }

    /**
     * Writes {@code server.properties} for a combined broker and controller on loopback. Entries of
     * {@code overrides} replace or add to the defaults.
     */
    void writeServerProperties(BrokerPorts ports, Map<String, String> overrides) {
        Properties properties = new Properties();
        properties.putAll(ServerDefaults.properties(ports, dataDir));
        properties.putAll(overrides);
        try (Writer writer = Files.newBufferedWriter(serverProperties, StandardCharsets.UTF_8)) {
            properties.store(writer, "Written by the common-core test harness");
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + serverProperties, e);
        }
    }

    /** Deletes the log directory, so that the next format starts from nothing. */
    void clearData() {
        deleteRecursively(dataDir);
    }

    /** Deletes the whole directory; failures are ignored because it lies in the temp dir. */
    void deleteAll() {
        deleteRecursively(root);
    }

    private void writeLogbackConfig() throws IOException {
        // The child JVM has the test classpath, whose only SLF4J provider is logback-classic.
        // This file, passed with -Dlogback.configurationFile, takes precedence over any
        // logback-test.xml on that classpath and sends INFO to stdout, which the parent captures.
        String xml =
                """
                <configuration>
                  <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder>
                      <pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{36} - %msg%n</pattern>
                    </encoder>
                  </appender>
                  <root level="INFO">
                    <appender-ref ref="STDOUT"/>
                  </root>
                </configuration>
                """;
        Files.writeString(logbackConfig, xml, StandardCharsets.UTF_8);
    }

    /** Deletes a file or directory tree; failures are ignored. */
    static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(
                            p -> {
                                try {
                                    Files.deleteIfExists(p);
                                } catch (IOException e) {
                                    // Best effort: a leftover file in the temp dir does no harm.
                                }
                            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort, as above.
        }
    }
}
