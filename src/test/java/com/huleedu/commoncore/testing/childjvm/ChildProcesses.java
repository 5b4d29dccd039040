package com.huleedu.commoncore.testing.childjvm;

import com.huleedu.commoncore.testing.BrokerStartException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;

/**
 * Launcher of the child JVMs of one broker directory: the storage format tool and the broker. Not
 * thread-safe, so {@link ChildJvmKafkaBroker} uses it only under its lock.
 */
final class ChildProcesses {

    /** Number of log lines that start-up errors show. */
    static final int TAIL_LINES = 40;

    private static final String HINTS =
            "What to check: the java executable "
                    + JavaCommand.javaExecutable()
                    + " is Java 17 or later; the test classpath contains"
                    + " org.apache.kafka:kafka_2.13 and ch.qos.logback:logback-classic; about 512"
                    + " MB of memory is free for the child JVM; the test may bind ports on"
                    + " 127.0.0.1. To use an existing cluster instead, set"
                    + " KAFKA_BOOTSTRAP_SERVERS.";

    private final BrokerDirectory directory;

    /**
     * A started broker process.
     *
     * @param process the child JVM
     * @param logOffset size of the broker log before this start, where its output begins
     */
    record Launch(Process process, long logOffset) {}

    ChildProcesses(BrokerDirectory directory) {
        this.directory = directory;
    }

    /** Formats the log directory for {@code clusterId} with {@code kafka.tools.StorageTool}. */
    void format(String clusterId, long deadline) {
        List<String> command =
                JavaCommand.build(
                        jvmOptions(),
                        "kafka.tools.StorageTool",
                        List.of(
                                "format",
                                "-c",
                                directory.serverProperties.toString(),
                                "-t",
                                clusterId));
        Process format;
        try {
            format =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(directory.formatLog.toFile())
                            .start();
        } catch (IOException e) {
            throw formatFailure("could not start " + command.get(0) + ": " + e, e);
        }
        boolean exited;
        try {
            exited = format.waitFor(remainingMillis(deadline), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            destroyTree(format, Duration.ofSeconds(10));
            throw formatFailure("interrupted", e);
        }
        if (!exited) {
            destroyTree(format, Duration.ofSeconds(10));
            throw formatFailure(
                    "the format tool did not finish before the start-up deadline", null);
        }
        if (format.exitValue() != 0) {
            throw formatFailure("the format tool exited with status " + format.exitValue(), null);
        }
    }

    /** Starts the broker on the current {@code server.properties}, appending to the broker log. */
    Launch launch() {
        long offset = LogTail.size(directory.brokerLog);
        appendMarker("Starting Kafka broker at " + Instant.now());
        List<String> command =
                JavaCommand.build(
                        jvmOptions(),
                        KafkaChildMain.class.getName(),
                        List.of(directory.serverProperties.toString()));
        try {
            // Standard input stays a pipe that the parent never closes: see KafkaChildMain.
            Process process =
                    new ProcessBuilder(command)
                            .redirectErrorStream(true)
                            .redirectOutput(Redirect.appendTo(directory.brokerLog.toFile()))
                            .start();
            return new Launch(process, offset);
        } catch (IOException e) {
            throw new BrokerStartException(
                    "Failed to start the Kafka broker's child JVM with "
                            + command.get(0)
                            + ": "
                            + e
                            + "\n"
                            + HINTS,
                    directory.brokerLog,
                    e);
        }
    }

    /** Builds the exception for a failed broker start, with the log lines of that start. */
    BrokerStartException startFailure(String reason, Launch launch, Throwable cause) {
        String message =
                "Kafka broker in a child JVM failed to start: "
                        + reason
                        + ".\nBroker log: "
                        + directory.brokerLog
                        + " (its directory is kept for diagnosis)\nLast "
                        + TAIL_LINES
                        + " lines of the broker log:\n"
                        + LogTail.lastLines(directory.brokerLog, launch.logOffset(), TAIL_LINES)
                        + "\n"
                        + HINTS;
        return new BrokerStartException(message, directory.brokerLog, cause);
    }

    /**
     * Kills the process and its descendants with SIGKILL and waits until the process has exited.
     *
     * @return whether the process exited within {@code timeout}
     */
    static boolean destroyTree(Process process, Duration timeout) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private List<String> jvmOptions() {
        return List.of(
                "-Xms64m",
                "-Xmx512m",
                "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true",
                // Same zone as the test JVM, so that timestamps in both logs line up.
                "-Duser.timezone=" + TimeZone.getDefault().getID(),
                // zstd-jni unpacks its native library into java.io.tmpdir, which must exist.
                "-Djava.io.tmpdir=" + directory.tmpDir,
                "-Dlogback.configurationFile=" + directory.logbackConfig);
    }

    private BrokerStartException formatFailure(String reason, Throwable cause) {
        String message =
                "Formatting the Kafka log directory "
                        + directory.dataDir
                        + " failed: "
                        + reason
                        + ".\nLast "
                        + TAIL_LINES
                        + " lines of "
                        + directory.formatLog
                        + ":\n"
                        + LogTail.lastLines(directory.formatLog, 0, TAIL_LINES)
                        + "\n"
                        + HINTS;
        return new BrokerStartException(message, directory.formatLog, cause);
    }

    private void appendMarker(String line) {
        try (Writer writer =
                Files.newBufferedWriter(
                        directory.brokerLog,
                        StandardCharsets.UTF_8,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND)) {
            writer.write("==== " + line + " ====" + System.lineSeparator());
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to write " + directory.brokerLog, e);
        }
    }

    private static long remainingMillis(long deadline) {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
    }
}
